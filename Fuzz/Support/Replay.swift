import Foundation

/// What every fuzz target shares: in a plain build (no `-sanitize=fuzzer`) a target is a small
/// program that runs the files and folders it is given through the same function libFuzzer calls,
/// so a crashing input found by `.ci/fuzz` can be replayed under the debugger, and the targets
/// compile in every `swift build` (a change of library API breaks them at once, not in CI).
public enum Replay {
    /// Runs `body` over every file named on the command line (folders are walked), then says how many.
    public static func main(_ name: String, _ body: (UnsafeRawBufferPointer) -> Void) -> Never {
        let arguments = CommandLine.arguments.dropFirst()
        if arguments.isEmpty || arguments.contains("--help") {
            print("usage: \(name) FILE|FOLDER...  (runs each file through the fuzz target once; .ci/fuzz builds it for libFuzzer)")
            exit(arguments.isEmpty ? 64 : 0)
        }
        var count = 0
        for path in arguments {
            for file in files(at: path) {
                guard let data = FileManager.default.contents(atPath: file) else {
                    FileHandle.standardError.write(Data("\(name): cannot read '\(file)'\n".utf8))
                    exit(66)
                }
                data.withUnsafeBytes { body($0) }
                count += 1
            }
        }
        print("\(name): \(count) input\(count == 1 ? "" : "s") ran without a crash")
        exit(0)
    }

    private static func files(at path: String) -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else { return [path] }
        let walker = FileManager.default.enumerator(atPath: path)
        var found: [String] = []
        while let item = walker?.nextObject() as? String {
            let full = (path as NSString).appendingPathComponent(item)
            var sub: ObjCBool = false
            if FileManager.default.fileExists(atPath: full, isDirectory: &sub), !sub.boolValue { found.append(full) }
        }
        return found.sorted()
    }
}

/// A broken invariant: stops the process, so libFuzzer keeps the input as a crash.
public func invariant(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
                      file: StaticString = #fileID, line: UInt = #line) {
    if !condition() {
        FileHandle.standardError.write(Data("invariant broken: \(message())\n".utf8))
        fatalError("invariant broken", file: file, line: line)
    }
}

#if FUZZING
import LibFuzzer

extension Replay {
    /// Hands the process to libFuzzer with `callback` as the target: what each target's
    /// `<Target>_main` does in a fuzzing build (see `LibFuzzer.h` for why not libFuzzer's own main).
    public static func fuzz(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                            _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt {
        var argc = argc
        var argv = argv
        return LLVMFuzzerRunDriver(&argc, &argv, callback)
    }
}
#endif
