import Dispatch
import Foundation
import ResponseStore

/// Something that reads response files one after another and keeps what it made of them: a block
/// of wide-CSV rows, a block of summary tallies.
protocol BlockReader: SendableMetatype {
    /// The folder read, for naming a file passed over.
    var folderPath: String { get }
    /// A buffer reused for every file of the block.
    var buffer: [UInt8] { get set }
    /// Files of the block that could not be read, in name order.
    var skipped: [SkippedFile] { get set }
    /// Takes one file's bytes; false when they are not a response.
    mutating func take(_ bytes: UnsafeRawBufferPointer) -> Bool
}

extension BlockReader {
    /// Reads the file `name` of the open folder `dir` and takes it, or says why it was passed over.
    /// A sealed file is opened with `seal` first.
    mutating func add(at dir: Int32, _ name: UnsafePointer<CChar>, seal: StoreSeal) {
        var bytes = buffer
        buffer = []
        let read = FileReading.withContents(at: dir, name, buffer: &bytes, seal: seal) { b in take(b) }
        buffer = bytes
        // The path is spelled only for a file passed over: most files are read, and making a
        // string per file is a measurable part of reading 100,000 of them.
        switch read {
        case .success(true): break
        case .success(false): skipped.append(SkippedFile(folderPath + "/" + String(cString: name), .notAResponse))
        case .failure(let reason): skipped.append(SkippedFile(folderPath + "/" + String(cString: name), reason))
        }
    }
}

/// Reading a folder's finished response files on every core: the files, in name order, are cut
/// into blocks of 1,024; each block is read by a reader of its own, made by `make`, in a slot no
/// other worker touches; `each` receives the readers in name order once a round of blocks is done.
/// The one way the wide CSV and the summary read at speed.
enum ResponseBlocks {
    static func read<Reader: BlockReader>(_ folder: InstrumentFolder, make: @escaping () -> Reader, each: (Reader) throws -> Void) rethrows {
        let listing = ResponseNames(folder.path).listing()
        defer { listing.close() }
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
        let blockSize = 1024
        var next = 0
        while next < listing.count {
            let blocks = (0..<(4 * workers)).map { k in
                min(listing.count, next + k * blockSize)..<min(listing.count, next + (k + 1) * blockSize)
            }.filter { !$0.isEmpty }
            let round = Round(make: make, listing: listing, blocks: blocks, seal: folder.seal)
            DispatchQueue.concurrentPerform(iterations: blocks.count) { k in round.read(k) }
            for reader in round.made { try each(reader) }
            next = blocks.last?.upperBound ?? listing.count
        }
    }

    /// One round of blocks: each worker fills its own slot; the slots are read once all are done.
    private final class Round<Reader: BlockReader>: @unchecked Sendable {
        private let make: () -> Reader
        private let listing: ResponseNames.Listing
        private let blocks: [Range<Int>]
        private let seal: StoreSeal
        private let slots: UnsafeMutableBufferPointer<Reader?>

        init(make: @escaping () -> Reader, listing: ResponseNames.Listing, blocks: [Range<Int>], seal: StoreSeal) {
            self.make = make
            self.seal = seal
            self.listing = listing
            self.blocks = blocks
            slots = .allocate(capacity: blocks.count)
            slots.initialize(repeating: nil)
        }

        deinit {
            _ = slots.deinitialize()
            slots.deallocate()
        }

        func read(_ k: Int) {
            var reader = make()
            for i in blocks[k] { listing.withName(i) { dir, name in reader.add(at: dir, name, seal: seal) } }
            slots[k] = reader
        }

        /// The blocks' readers, in order.
        var made: [Reader] { slots.compactMap { $0 } }
    }
}
