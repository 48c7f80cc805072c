import Foundation
import SupportCore
import Testing

@Suite("Address poisoning")
struct AddressPoisoningTests {
    @Test(
        "addresses sharing four leading and trailing characters are look-alikes",
        arguments: [
            ("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0x5aaeb000000000000000000000000000001beaed"),
            ("TUahsb111111111111111111111JjXyp3", "TUahsbZZZZZZZZZZZZZZZZZZZZZZjXyp3"),
            ("TUahsbAAAAAAAAAAAAAAAAAAAAAAJjXyp3", "TUahsbBBBBBBBBBBBBBBBBBBBBBBJjXyp3"),
        ]
    )
    func lookalike(a: String, b: String) {
        #expect(AddressPoisoning.isLookalike(a, b))
        #expect(AddressPoisoning.isLookalike(b, a))
    }

    @Test(
        "same, unrelated or half-matching addresses are not",
        arguments: [
            ("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"),
            ("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359"),
            ("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0x5aae000000000000000000000000000000000000"),
            ("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0x0000000000000000000000000000000000beaed"),
            ("TUahsbAAAAAAAAAAAAAAAAAAAAAAJjXyp3", "TUahsbBBBBBBBBBBBBBBBBBBBBBBJjXyP3"),
            ("", "0x5aaeb"),
        ]
    )
    func notLookalike(a: String, b: String) {
        #expect(!AddressPoisoning.isLookalike(a, b))
    }
}
