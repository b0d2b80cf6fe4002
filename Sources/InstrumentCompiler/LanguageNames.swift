/// Language names authors write where a code belongs (`languages: [English, Spanish]`), with
/// their codes, for the hint. A short list of common ones: an unknown name gets the general hint.
extension Slug {
    static func languageCode(named name: String) -> String? {
        codes[name.lowercased()]
    }

    private static let codes: [String: String] = [
        "arabic": "ar", "bengali": "bn", "bulgarian": "bg", "chinese": "zh", "croatian": "hr", "czech": "cs",
        "danish": "da", "dutch": "nl", "english": "en", "estonian": "et", "farsi": "fa", "persian": "fa",
        "finnish": "fi", "french": "fr", "gaelic": "gd", "german": "de", "greek": "el", "gujarati": "gu",
        "hebrew": "he", "hindi": "hi", "hungarian": "hu", "irish": "ga", "italian": "it", "japanese": "ja",
        "korean": "ko", "latvian": "lv", "lithuanian": "lt", "norwegian": "no", "panjabi": "pa", "punjabi": "pa",
        "polish": "pl", "portuguese": "pt", "romanian": "ro", "russian": "ru", "slovak": "sk", "slovenian": "sl",
        "somali": "so", "spanish": "es", "swahili": "sw", "swedish": "sv", "tamil": "ta", "turkish": "tr",
        "ukrainian": "uk", "urdu": "ur", "vietnamese": "vi", "welsh": "cy",
    ]
}
