import Foundation
import Testing

@testable import ReviewModel

@Suite("SHA-256")
struct SHA256Tests {
    @Test(
        "matches the FIPS 180-4 test vectors",
        arguments: [
            ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            (
                "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
                "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
            ),
        ])
    func vectors(input: String, digest: String) {
        #expect(SHA256.hex(Data(input.utf8)) == digest)
    }

    @Test("streaming in uneven chunks equals hashing at once")
    func streaming() {
        let message = Data((0..<100_003).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        var hasher = SHA256()
        var offset = 0
        for size in [1, 63, 64, 65, 1000, 7] + Array(repeating: 4096, count: 30) where offset < message.count {
            let end = min(message.count, offset + size)
            hasher.update(message[offset..<end])
            offset = end
        }
        hasher.update(message[offset...])
        #expect(hasher.finalize() == SHA256.hex(message))
        // One million 'a' (FIPS vector).
        #expect(
            SHA256.hex(Data(repeating: 0x61, count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}
