import InstrumentModel
import Testing

@Suite struct NumberTextTests {
    @Test func wholeNumbersHaveNoDecimalPoint() {
        #expect(NumberText.canonical(3) == "3")
        #expect(NumberText.canonical(-0.0) == "0")
        #expect(NumberText.canonical(-12) == "-12")
        #expect(NumberText.canonical(1e15) == "1000000000000000")
        #expect(NumberText.canonical(1e16) == "10000000000000000")
    }

    @Test func fractionsAreShortestAndWithoutExponent() {
        #expect(NumberText.canonical(2.5) == "2.5")
        #expect(NumberText.canonical(0.1) == "0.1")
        #expect(NumberText.canonical(0.00001) == "0.00001")
        #expect(NumberText.canonical(-1.5e-7) == "-0.00000015")
        #expect(NumberText.canonical(1e21) == "1000000000000000000000")
        #expect(NumberText.canonical(-2.5e20) == "-250000000000000000000")
        #expect(Double(NumberText.canonical(1.0 / 3.0)) == 1.0 / 3.0)
    }

    @Test func jsonAndTheWriterAgree() {
        for n in [3.0, 2.5, 0.00001, 1e16, -7.25] {
            let text = JSON.number(n).compactText
            var writer = JSONWriter()
            writer.number(n)
            #expect(text == NumberText.canonical(n))
            #expect(String(decoding: writer.bytes, as: UTF8.self) == text)
        }
    }

    @Test func displayRoundsOnlyForTheReader() {
        #expect(NumberText.display(4, decimals: 2) == "4")
        #expect(NumberText.display(2.345678, decimals: 2) == "2.35")
        #expect(NumberText.display(66.6666, decimals: 0) == "67")
    }
}
