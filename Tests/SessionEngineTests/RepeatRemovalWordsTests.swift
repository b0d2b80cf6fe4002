import InstrumentModel
import SessionEngine
import TestSupport
import Testing

/// The confirmation before a changed answer removes instances that hold answers, in words: the
/// choices' labels joined as a sentence joins them, and for counted instances which numbers go
/// and why ("Lowering this to 2 ..."), in every catalogue.
@Suite struct RepeatRemovalWordsTests {
    static let yaml = """
    format: 1
    id: t
    version: 1.0.0
    languages: [en, cy, es]
    title: {en: T, cy: T, es: T}
    sections:
      - id: s
        questions:
          - {id: activities, type: multiple, text: {en: Which?, cy: Pa rai?, es: ¿Cuáles?}, choices: [{value: 1, label: {en: Walking, cy: Cerdded, es: Caminar}}, {value: 2, label: {en: Art, cy: Celf, es: Arte}}, {value: 3, label: {en: Choir, cy: Côr, es: Coro}}, {value: 9, label: {en: None, cy: Dim, es: Ninguna}, exclusive: true}]}
          - {id: household_size, type: number, text: {en: How many?, cy: Faint?, es: ¿Cuántos?}, max: 6}
      - id: activity
        repeat: {for_each: activities}
        questions:
          - {id: visits, type: number, text: {en: Visits?, cy: Ymweliadau?, es: ¿Visitas?}, max: 31}
      - id: member
        repeat: {count: household_size}
        questions:
          - {id: age, type: number, text: {en: Age?, cy: Oed?, es: ¿Edad?}, max: 120}
      - id: service
        repeat: {until_done: true, max: 4}
        questions:
          - {id: wait, type: number, text: {en: Weeks?, cy: Wythnosau?, es: ¿Semanas?}, max: 52}
    """

    /// Every instance answered: three activities, four people, three services; then back to `id`.
    func answered(_ language: String, backTo id: String) throws -> Session {
        var s = Session(instrument: try compiled(Self.yaml), seed: 1, language: language, today: today)
        var t = 0.0
        func give(_ a: Answer) throws { t += 1; try s.answer(a, at: t) }
        try give(Answer(.choices([1, 2, 3])))
        try give(Answer(.number(4)))
        for _ in 0..<3 { try give(Answer(.number(2))) }
        for _ in 0..<4 { try give(Answer(.number(30))) }
        for k in 0..<3 {
            try give(Answer(.number(5)))
            if k < 2 { try give(Answer(.choice(1))) }
        }
        try give(Answer(.choice(2)))
        #expect(s.phase == .finished)
        while s.current?.id != id, s.canGoBack || s.phase == .finished {
            t += 1
            try s.back(at: t)
        }
        #expect(s.current?.id == id)
        return s
    }

    @Test(arguments: [
        ("en", "This removes your answers about Art and Choir.", "This removes your answers about Walking, Art and Choir.",
         "Lowering this to 2 removes your answers for numbers 3 and 4.", "Lowering this to 3 removes your answers for number 4.",
         "Answering no removes your answers for numbers 2 and 3."),
        ("cy", "Mae hyn yn dileu eich atebion am Celf a Côr.", "Mae hyn yn dileu eich atebion am Cerdded, Celf a Côr.",
         "Mae gostwng hwn i 2 yn dileu eich atebion ar gyfer rhifau 3 a 4.", "Mae gostwng hwn i 3 yn dileu eich atebion ar gyfer rhif 4.",
         "Mae ateb na yn dileu eich atebion ar gyfer rhifau 2 a 3."),
        ("es", "Esto borra sus respuestas sobre Arte y Coro.", "Esto borra sus respuestas sobre Caminar, Arte y Coro.",
         "Bajar esto a 2 borra sus respuestas de los números 3 y 4.", "Bajar esto a 3 borra sus respuestas del número 4.",
         "Responder que no borra sus respuestas de los números 2 y 3."),
    ])
    func removalsAreSaidInWords(_ language: String, _ two: String, _ three: String, _ lowered: String, _ loweredByOne: String,
                                _ done: String) throws {
        let activities = try answered(language, backTo: "activities")
        #expect(activities.removalWarning(ifAnswered: Answer(.choices([1]))) == two)
        #expect(activities.removalWarning(ifAnswered: Answer(.choices([9]))) == three)
        let count = try answered(language, backTo: "household_size")
        #expect(count.removalWarning(ifAnswered: Answer(.number(2))) == lowered)
        #expect(count.removalWarning(ifAnswered: Answer(.number(3))) == loweredByOne)
        #expect(count.removalWarning(ifAnswered: Answer(.number(5))) == nil)
        // Saying there is no other service after the first removes the second and the third.
        let service = try answered(language, backTo: "service#1:another")
        #expect(service.removalWarning(ifAnswered: Answer(.choice(2))) == done)
        #expect(service.removalWarning(ifAnswered: Answer(.choice(1))) == nil)
        var said = service
        try said.answer(Answer(.choice(2)), at: 100)
        #expect(said.answers["wait#2"] == nil && said.answers["wait#1"] == Answer(.number(5)), "a no removes the instances after it")
    }
}
