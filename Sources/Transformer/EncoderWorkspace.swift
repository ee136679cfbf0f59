/// Scratch buffers for one forward pass over a packed chunk of sequences, reused between chunks
/// by one worker. Sequences are packed back to back (no padding): every position-wise step runs
/// on all `tokens` rows at once, attention runs per sequence.
final class EncoderWorkspace {
    let capacity: Int
    let hidden: UnsafeMutableBufferPointer<Float>  // [tokens, hidden]
    let qkv: UnsafeMutableBufferPointer<Float>  // [tokens, 3·hidden]
    let context: UnsafeMutableBufferPointer<Float>  // [tokens, hidden]
    let projection: UnsafeMutableBufferPointer<Float>  // [tokens, hidden]
    let intermediate: UnsafeMutableBufferPointer<Float>  // [tokens, intermediate]
    let scores: UnsafeMutableBufferPointer<Float>  // [seqLen, seqLen]

    init(configuration c: BertConfiguration, tokens: Int, longestSequence: Int) {
        capacity = tokens
        hidden = .allocate(capacity: tokens * c.hidden)
        qkv = .allocate(capacity: tokens * 3 * c.hidden)
        context = .allocate(capacity: tokens * c.hidden)
        projection = .allocate(capacity: tokens * c.hidden)
        intermediate = .allocate(capacity: tokens * c.intermediate)
        scores = .allocate(capacity: longestSequence * longestSequence)
    }

    deinit {
        for buffer in [hidden, qkv, context, projection, intermediate, scores] { buffer.deallocate() }
    }
}
