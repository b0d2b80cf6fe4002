// swift-tools-version: 6.0
import PackageDescription

// Linux only: the terminal, the response store and the end-to-end tests call Glibc directly
// (termios, posix_spawn, O_DIRECTORY), so no other platform is declared.
let package = Package(
    name: "Fieldwork",
    products: [
        .executable(name: "fieldwork", targets: ["fieldwork"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssh", from: "0.15.1"),
    ],
    targets: [
        .executableTarget(name: "fieldwork", dependencies: ["FieldworkCLI"]),
        .target(
            name: "FieldworkCLI",
            dependencies: [
                "InstrumentCompiler", "InstrumentModel", "Expressions", "SessionEngine", "ResponseStore", "PromptUI", "SessionLoop", "TerminalIO", "Exporters", "Authoring", "SurveyServer", "Sealing",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "InstrumentModel"),
        // The age file format (v1, X25519 recipients) that sealed studies are written in, so that the
        // standard `age` tool opens them.
        .target(name: "Sealing", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        .testTarget(name: "SealingTests", dependencies: ["Sealing", "TestSupport"]),
        // The runner's own words, one catalogue file per language, embedded in the binary (see MessageCatalogue).
        .target(name: "Messages", exclude: ["Catalogues"]),
        .testTarget(name: "MessagesTests", dependencies: ["Messages"]),
        .target(name: "Expressions", dependencies: ["InstrumentModel"]),
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        .target(name: "YAMLTree", dependencies: ["CLibYAML"]),
        .target(name: "Wording", dependencies: ["InstrumentModel", "Expressions"]),
        .target(
            name: "InstrumentCompiler",
            dependencies: [
                "YAMLTree", "Expressions", "InstrumentModel", "Messages", "Sealing",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(name: "SessionEngine", dependencies: ["InstrumentModel", "Expressions", "Messages"]),
        .target(
            name: "ResponseStore",
            dependencies: ["InstrumentModel", "Expressions", "SessionEngine", "Sealing", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(
            name: "Exporters",
            dependencies: ["InstrumentModel", "ResponseStore", "SessionEngine", "Expressions", "Wording",
                           .product(name: "Crypto", package: "swift-crypto")]
        ),
        .testTarget(
            name: "ExportersTests",
            dependencies: ["Exporters", "InstrumentCompiler", "ResponseStore", "SessionEngine", "TestSupport"],
            exclude: ["Fixtures", "Golden"]
        ),
        .target(
            name: "Authoring",
            dependencies: ["InstrumentModel", "Expressions", "Wording", "SessionEngine", "ResponseStore", "YAMLTree", "InstrumentCompiler", "Messages"]
        ),
        .testTarget(name: "AuthoringTests", dependencies: ["Authoring", "InstrumentCompiler", "InstrumentModel", "SessionEngine", "TestSupport"]),
        // The model for `SafeText`: the line editor refuses the characters every writer escapes.
        .target(name: "TerminalIO", dependencies: ["InstrumentModel"]),
        .target(name: "PromptUI", dependencies: ["SessionEngine", "InstrumentModel", "Expressions", "TerminalIO"]),
        .target(name: "SessionLoop", dependencies: ["SessionEngine", "ResponseStore", "PromptUI"]),
        // `fieldwork serve`: an SSH server (swift-nio-ssh) giving each connection its own session through
        // the TerminalPort seam; the SSH channel and the plain lines are its conformers.
        .target(
            name: "SurveyServer",
            dependencies: ["SessionEngine", "ResponseStore", "PromptUI", "SessionLoop", "TerminalIO", "InstrumentModel", "Expressions",
                           .product(name: "NIOCore", package: "swift-nio"),
                           .product(name: "NIOPosix", package: "swift-nio"),
                           .product(name: "NIOSSH", package: "swift-nio-ssh"),
                           .product(name: "Crypto", package: "swift-crypto")]
        ),
        .testTarget(name: "SurveyServerTests", dependencies: ["SurveyServer", "fieldwork", "TerminalIO", "TestSupport"]),
        .testTarget(name: "TerminalIOTests", dependencies: ["TerminalIO", "InstrumentModel"]),
        .testTarget(name: "PromptUITests", dependencies: ["PromptUI", "SessionLoop", "ResponseStore", "InstrumentCompiler", "Messages", "TestSupport"]),
        .testTarget(name: "SessionEngineTests", dependencies: ["SessionEngine", "Messages", "TestSupport"]),
        .testTarget(name: "ResponseStoreTests", dependencies: ["ResponseStore", "InstrumentCompiler", "TestSupport"]),
        .testTarget(name: "YAMLTreeTests", dependencies: ["YAMLTree"]),
        .testTarget(name: "ExpressionsTests", dependencies: ["Expressions", "InstrumentModel"]),
        .testTarget(name: "InstrumentCompilerTests", dependencies: ["InstrumentCompiler", "InstrumentModel", "Messages"]),
        // The fidelity suite (Tests/FidelityTests): random instruments and sessions, every export read back by its
        // real reader. It runs the `fieldwork` binary for exports and never imports Exporters, so its oracle stays apart.
        .testTarget(name: "FidelityTests", dependencies: ["fieldwork", "InstrumentCompiler", "InstrumentModel", "Expressions", "SessionEngine", "ResponseStore", "TestSupport"]),
        .testTarget(name: "FieldworkCLITests", dependencies: ["FieldworkCLI", "fieldwork", "TestSupport"], exclude: ["Fixtures", "Golden"]),
        // What the test targets share: instruments from YAML, temporary folders, a program runner,
        // the external tools' checks and the golden files (swift-argument-parser's ArgumentParserTestHelpers).
        .target(name: "TestSupport", dependencies: ["InstrumentCompiler", "InstrumentModel", "SessionEngine", "ResponseStore", "SessionLoop", "TerminalIO"], path: "Tests/TestSupport"),
        // Fuzz targets for libFuzzer, each with `LLVMFuzzerTestOneInput`: `.ci/fuzz` builds them with
        // `-sanitize=fuzzer,address -DFUZZING` in `.build-fuzz`; in a plain build each is a small
        // program that replays the files it is given, so they compile with everything else.
        .target(name: "LibFuzzer", path: "Fuzz/LibFuzzer"),
        .target(name: "FuzzSupport", dependencies: ["LibFuzzer"], path: "Fuzz/Support"),
        .executableTarget(name: "FuzzYAML", dependencies: ["FuzzSupport", "YAMLTree", "InstrumentCompiler", "Expressions"], path: "Fuzz/YAML"),
        .executableTarget(name: "FuzzExpressions", dependencies: ["FuzzSupport", "Expressions", "InstrumentModel"], path: "Fuzz/Expressions"),
        .executableTarget(name: "FuzzResponses", dependencies: ["FuzzSupport", "Exporters", "Expressions", "ResponseStore", "InstrumentCompiler", "InstrumentModel"], path: "Fuzz/Responses"),
    ],
    swiftLanguageModes: [.v6]
)
