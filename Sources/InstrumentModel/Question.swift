public enum QuestionType: String, Sendable, Codable, CaseIterable {
    case note, single, multiple, scale, matrix, number, text
    case longText = "long_text"
    case date, ranking, calculate, open
    /// A clock time, `HH:MM`, and a date with a clock time, `YYYY-MM-DDTHH:MM` (local, no zone).
    case time, datetime
    /// Never shown: its value is given when the session is started (`run --set site=north`).
    case hidden

    /// Types whose answer is one or more of a list of choices.
    public var hasChoices: Bool { [.single, .multiple, .scale, .matrix, .ranking].contains(self) }
    /// Types whose answer is free text.
    public var isFreeText: Bool { [.text, .longText, .open].contains(self) }
    /// Types never put in front of a participant: a calculation, and a value set at launch.
    public var isNeverAsked: Bool { self == .calculate || self == .hidden }
}

public enum DatePrecision: String, Sendable, Codable, CaseIterable { case day, month, year }

public struct Choice: Sendable, Equatable, Codable {
    public var value: Int
    public var label: LocalizedText
    public var missing: Bool
    public var exclusive: Bool
    public var showIf: String?

    public init(value: Int, label: LocalizedText, missing: Bool = false, exclusive: Bool = false, showIf: String? = nil) {
        self.value = value
        self.label = label
        self.missing = missing
        self.exclusive = exclusive
        self.showIf = showIf
    }

    enum CodingKeys: String, CodingKey {
        case value, label, missing, exclusive, showIf = "show_if"
    }
}

public struct MatrixRow: Sendable, Equatable, Codable {
    public var id: String
    public var text: LocalizedText

    public init(id: String, text: LocalizedText) {
        self.id = id
        self.text = text
    }
}

/// A question's parts, held once behind `Question`'s reference and copied only when a shared
/// question is changed.
@usableFromInline
struct QuestionFields: Sendable, Equatable, Codable {
    // Each part is described at its accessor on `Question`.
    @usableFromInline var id: String
    @usableFromInline var type: QuestionType
    @usableFromInline var text: LocalizedText?
    @usableFromInline var help: LocalizedText?
    @usableFromInline var required: Bool = false
    @usableFromInline var showIf: String?
    @usableFromInline var validIf: String?
    @usableFromInline var invalidMessage: LocalizedText?
    @usableFromInline var softRequired: Bool?
    @usableFromInline var warnIf: String?
    @usableFromInline var warnMessage: LocalizedText?
    @usableFromInline var sensitive: Bool = false
    @usableFromInline var identifying: Bool = false
    @usableFromInline var label: LocalizedText?

    @usableFromInline var choices: [Choice]?
    @usableFromInline var choiceSet: String?
    @usableFromInline var other: Choice?
    @usableFromInline var shuffle: Bool?
    @usableFromInline var rows: [MatrixRow]?
    @usableFromInline var min: Double?
    @usableFromInline var max: Double?
    @usableFromInline var decimals: Int?
    @usableFromInline var unit: LocalizedText?
    @usableFromInline var maxLength: Int?
    @usableFromInline var pattern: String?
    @usableFromInline var redact: [Privacy.Pattern]?
    @usableFromInline var dateMin: String?
    @usableFromInline var dateMax: String?
    @usableFromInline var precision: DatePrecision?
    @usableFromInline var rank: Int?
    @usableFromInline var value: String?
    @usableFromInline var probes: [LocalizedText]?
    @usableFromInline var instructions: LocalizedText?
    @usableFromInline var minutes: Double?

    @usableFromInline init(id: String, type: QuestionType) {
        self.id = id
        self.type = type
    }

    enum CodingKeys: String, CodingKey {
        case id, type, text, help, required, showIf = "show_if", validIf = "valid_if"
        case invalidMessage = "invalid_message", sensitive, identifying, label
        case softRequired = "soft_required", warnIf = "warn_if", warnMessage = "warn_message"
        case choices, choiceSet = "choice_set", other, shuffle, rows, min, max, decimals, unit
        case maxLength = "max_length", pattern, redact, dateMin = "date_min", dateMax = "date_max"
        case precision, rank, value, probes, instructions, minutes
    }
}

/// One question. Keys that do not apply to its type are nil.
///
/// Its parts are held behind one reference, copied on write: a question is passed, listed and
/// taken from arrays everywhere, and a copy of its thirty-odd parts was a retain and a release of
/// each (about a twentieth of `check` on a 10,000-question form); now a copy is one retain.
public struct Question: Sendable, Equatable, Codable {
    /// A managed buffer rather than a class with a stored property: reading a class's stored
    /// property is checked for exclusive access at run time, the buffer's header is not.
    /// Only ever changed while uniquely referenced (`makeUnique`), so sharing it is safe.
    ///
    /// Inlinable, with the accessors below: called from other modules, a `_modify` that is not
    /// inlined allocates its frame on the heap, an allocation for every part a decoder sets.
    @usableFromInline struct Storage: @unchecked Sendable {
        @usableFromInline var buffer: ManagedBuffer<QuestionFields, UInt8>
        @usableFromInline init(_ fields: QuestionFields) { buffer = .create(minimumCapacity: 0) { _ in fields } }
        @inlinable var fields: QuestionFields {
            _read { yield buffer.header }
            _modify { yield &buffer.header }
        }
    }

    @usableFromInline var storage: Storage

    @inlinable mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage.buffer) { storage = Storage(storage.fields) }
    }

    public init(id: String, type: QuestionType) {
        storage = Storage(QuestionFields(id: id, type: type))
    }

    public init(from decoder: any Decoder) throws {
        storage = Storage(try QuestionFields(from: decoder))
    }

    public func encode(to encoder: any Encoder) throws {
        try storage.fields.encode(to: encoder)
    }

    public static func == (a: Question, b: Question) -> Bool {
        a.storage.buffer === b.storage.buffer || a.storage.fields == b.storage.fields
    }

    @inlinable public var id: String {
        get { storage.fields.id }
        _modify { makeUnique(); yield &storage.fields.id }
    }

    @inlinable public var type: QuestionType {
        get { storage.fields.type }
        _modify { makeUnique(); yield &storage.fields.type }
    }

    @inlinable public var text: LocalizedText? {
        get { storage.fields.text }
        _modify { makeUnique(); yield &storage.fields.text }
    }

    @inlinable public var help: LocalizedText? {
        get { storage.fields.help }
        _modify { makeUnique(); yield &storage.fields.help }
    }

    @inlinable public var required: Bool {
        get { storage.fields.required }
        _modify { makeUnique(); yield &storage.fields.required }
    }

    @inlinable public var showIf: String? {
        get { storage.fields.showIf }
        _modify { makeUnique(); yield &storage.fields.showIf }
    }

    @inlinable public var validIf: String? {
        get { storage.fields.validIf }
        _modify { makeUnique(); yield &storage.fields.validIf }
    }

    @inlinable public var invalidMessage: LocalizedText? {
        get { storage.fields.invalidMessage }
        _modify { makeUnique(); yield &storage.fields.invalidMessage }
    }

    /// Soft checks: leaving the question (or a matrix row) unanswered, or an answer for which
    /// `warnIf` holds, is met with a message the participant may confirm (see `SoftCheck`).
    /// Nil rather than false, so that instruments without them keep their compiled form and hash.
    @inlinable public var softRequired: Bool? {
        get { storage.fields.softRequired }
        _modify { makeUnique(); yield &storage.fields.softRequired }
    }

    @inlinable public var warnIf: String? {
        get { storage.fields.warnIf }
        _modify { makeUnique(); yield &storage.fields.warnIf }
    }

    @inlinable public var warnMessage: LocalizedText? {
        get { storage.fields.warnMessage }
        _modify { makeUnique(); yield &storage.fields.warnMessage }
    }

    @inlinable public var sensitive: Bool {
        get { storage.fields.sensitive }
        _modify { makeUnique(); yield &storage.fields.sensitive }
    }

    @inlinable public var identifying: Bool {
        get { storage.fields.identifying }
        _modify { makeUnique(); yield &storage.fields.identifying }
    }

    @inlinable public var label: LocalizedText? {
        get { storage.fields.label }
        _modify { makeUnique(); yield &storage.fields.label }
    }

    /// Choices after resolving a named set; for a scale given as `from`/`to`, one per point.
    @inlinable public var choices: [Choice]? {
        get { storage.fields.choices }
        _modify { makeUnique(); yield &storage.fields.choices }
    }

    /// The choice set the choices came from, if any.
    @inlinable public var choiceSet: String? {
        get { storage.fields.choiceSet }
        _modify { makeUnique(); yield &storage.fields.choiceSet }
    }

    /// The "Other, please specify" choice, if offered.
    @inlinable public var other: Choice? {
        get { storage.fields.other }
        _modify { makeUnique(); yield &storage.fields.other }
    }

    @inlinable public var shuffle: Bool? {
        get { storage.fields.shuffle }
        _modify { makeUnique(); yield &storage.fields.shuffle }
    }

    @inlinable public var rows: [MatrixRow]? {
        get { storage.fields.rows }
        _modify { makeUnique(); yield &storage.fields.rows }
    }

    /// number: the range of the answer; multiple: how many choices may be picked.
    @inlinable public var min: Double? {
        get { storage.fields.min }
        _modify { makeUnique(); yield &storage.fields.min }
    }

    @inlinable public var max: Double? {
        get { storage.fields.max }
        _modify { makeUnique(); yield &storage.fields.max }
    }

    @inlinable public var decimals: Int? {
        get { storage.fields.decimals }
        _modify { makeUnique(); yield &storage.fields.decimals }
    }

    @inlinable public var unit: LocalizedText? {
        get { storage.fields.unit }
        _modify { makeUnique(); yield &storage.fields.unit }
    }

    @inlinable public var maxLength: Int? {
        get { storage.fields.maxLength }
        _modify { makeUnique(); yield &storage.fields.maxLength }
    }

    @inlinable public var pattern: String? {
        get { storage.fields.pattern }
        _modify { makeUnique(); yield &storage.fields.pattern }
    }

    /// Patterns removed from this free text before it is written.
    @inlinable public var redact: [Privacy.Pattern]? {
        get { storage.fields.redact }
        _modify { makeUnique(); yield &storage.fields.redact }
    }

    /// The limits of a date, time or datetime: ISO text (`2024-05-01`, `06:00`,
    /// `2024-05-01T09:00`) or "today" (not for a time). Kept under the date keys so that a date
    /// question compiles, and hashes, as it did before times existed.
    @inlinable public var dateMin: String? {
        get { storage.fields.dateMin }
        _modify { makeUnique(); yield &storage.fields.dateMin }
    }

    @inlinable public var dateMax: String? {
        get { storage.fields.dateMax }
        _modify { makeUnique(); yield &storage.fields.dateMax }
    }

    @inlinable public var precision: DatePrecision? {
        get { storage.fields.precision }
        _modify { makeUnique(); yield &storage.fields.precision }
    }

    @inlinable public var rank: Int? {
        get { storage.fields.rank }
        _modify { makeUnique(); yield &storage.fields.rank }
    }

    @inlinable public var value: String? {
        get { storage.fields.value }
        _modify { makeUnique(); yield &storage.fields.value }
    }

    @inlinable public var probes: [LocalizedText]? {
        get { storage.fields.probes }
        _modify { makeUnique(); yield &storage.fields.probes }
    }

    @inlinable public var instructions: LocalizedText? {
        get { storage.fields.instructions }
        _modify { makeUnique(); yield &storage.fields.instructions }
    }

    @inlinable public var minutes: Double? {
        get { storage.fields.minutes }
        _modify { makeUnique(); yield &storage.fields.minutes }
    }

    /// Every choice a participant can give, with "Other" last.
    public var allChoices: [Choice] { (choices ?? []) + (other.map { [$0] } ?? []) }
}
