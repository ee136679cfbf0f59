"""One timed run of an all-MiniLM-L6-v2 peer on the benchmark texts (driven by
Scripts/bench-encoder-peers.sh, which interleaves runs so machine noise hits every peer alike).
IMPL is `onnx` (ONNX Runtime on an fp32 graph built here from model.safetensors with the `onnx`
helper, no torch needed) or `torch` (sentence-transformers on PyTorch).
Prints `peer: NAME wall_s cpu_s` for the encode call only (model loading excluded)."""
import json, statistics, sys, time
import numpy as np

model_dir, texts_path, impl = sys.argv[1], sys.argv[2], sys.argv[3]
golden_path = sys.argv[4] if len(sys.argv) > 4 else None
texts = [line.rstrip("\n") for line in open(texts_path, encoding="utf-8")]
config = json.load(open(f"{model_dir}/config.json"))
MAX_LEN, BATCH = 256, 32


def timed(label, fn):
    fn(texts[:64])  # warm-up
    wall, cpu = time.perf_counter(), time.process_time()
    fn(texts)
    print(f"peer: {label} {time.perf_counter() - wall:.2f} {time.process_time() - cpu:.2f}", flush=True)


def build_onnx():
    import onnx
    from onnx import TensorProto, helper, numpy_helper
    from safetensors.numpy import load_file
    w = load_file(f"{model_dir}/model.safetensors")
    w = {k[5:] if k.startswith("bert.") else k: v for k, v in w.items()}
    H, heads, eps = config["hidden_size"], config["num_attention_heads"], config.get("layer_norm_eps", 1e-12)
    d = H // heads
    inits, nodes = [], []
    def const(name, array):
        inits.append(numpy_helper.from_array(np.asarray(array), name)); return name
    def node(op, inputs, **attrs):
        out = f"t{len(nodes)}"; nodes.append(helper.make_node(op, inputs, [out], **attrs)); return out
    def linear(x, p):
        return node("Add", [node("MatMul", [x, const(p + ".wT", w[p + ".weight"].T.copy())]), const(p + ".b", w[p + ".bias"])])
    def ln(x, p):
        return node("LayerNormalization", [x, const(p + ".g", w[p + ".weight"]), const(p + ".beta", w[p + ".bias"])], axis=-1, epsilon=eps)
    seq = node("Gather", [node("Shape", ["input_ids"]), const("one_idx", np.array(1, np.int64))])
    positions = node("Range", [const("zero", np.array(0, np.int64)), seq, const("one", np.array(1, np.int64))])
    x = node("Add", [node("Gather", [const("word", w["embeddings.word_embeddings.weight"]), "input_ids"]),
                     node("Gather", [const("pos", w["embeddings.position_embeddings.weight"]), positions])])
    x = ln(node("Add", [x, const("type0", w["embeddings.token_type_embeddings.weight"][0])]), "embeddings.LayerNorm")
    split_shape = const("split", np.array([0, 0, heads, d], np.int64)); merge_shape = const("merge", np.array([0, 0, H], np.int64))
    scale = const("scale", np.array(1 / np.sqrt(d), np.float32))
    for l in range(config["num_hidden_layers"]):
        p = f"encoder.layer.{l}."
        def heads_of(name, perm):
            return node("Transpose", [node("Reshape", [linear(x, p + f"attention.self.{name}"), split_shape])], perm=perm)
        q, k, v = heads_of("query", [0, 2, 1, 3]), heads_of("key", [0, 2, 3, 1]), heads_of("value", [0, 2, 1, 3])
        scores = node("Add", [node("Mul", [node("MatMul", [q, k]), scale]), "mask_bias"])
        ctx = node("MatMul", [node("Softmax", [scores], axis=-1), v])
        ctx = node("Reshape", [node("Transpose", [ctx], perm=[0, 2, 1, 3]), merge_shape])
        x = ln(node("Add", [x, linear(ctx, p + "attention.output.dense")]), p + "attention.output.LayerNorm")
        h = linear(x, p + "intermediate.dense")
        gelu = node("Mul", [node("Mul", [h, const(f"half{l}", np.array(0.5, np.float32))]),
                            node("Add", [const(f"one{l}", np.array(1, np.float32)),
                                         node("Erf", [node("Mul", [h, const(f"isq{l}", np.array(1 / np.sqrt(2), np.float32))])])])])
        x = ln(node("Add", [x, linear(gelu, p + "output.dense")]), p + "output.LayerNorm")
    nodes[-1].output[0] = "hidden"
    graph = helper.make_graph(nodes, "minilm",
        [helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["b", "n"]),
         helper.make_tensor_value_info("mask_bias", TensorProto.FLOAT, ["b", 1, 1, "n"])],
        [helper.make_tensor_value_info("hidden", TensorProto.FLOAT, ["b", "n", H])], initializer=inits)
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)]).SerializeToString()


def onnx_encoder():
    import onnxruntime as ort
    from tokenizers import BertWordPieceTokenizer
    tok = BertWordPieceTokenizer(f"{model_dir}/vocab.txt", lowercase=True)
    tok.enable_truncation(MAX_LEN)
    opts = ort.SessionOptions(); opts.intra_op_num_threads = 2; opts.inter_op_num_threads = 1
    session = ort.InferenceSession(build_onnx(), opts, providers=["CPUExecutionProvider"])
    def encode(batch_texts):
        ids = [e.ids for e in tok.encode_batch(batch_texts)]
        order = sorted(range(len(ids)), key=lambda i: -len(ids[i]))
        out = [None] * len(ids)
        for s in range(0, len(order), BATCH):
            members = order[s:s + BATCH]; n = max(len(ids[i]) for i in members)
            arr = np.zeros((len(members), n), np.int64); mask = np.zeros((len(members), n), np.float32)
            for r, i in enumerate(members): arr[r, :len(ids[i])] = ids[i]; mask[r, :len(ids[i])] = 1
            hidden = session.run(["hidden"], {"input_ids": arr, "mask_bias": ((1 - mask) * -1e9)[:, None, None, :]})[0]
            pooled = (hidden * mask[:, :, None]).sum(1) / mask.sum(1, keepdims=True)
            pooled /= np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
            for r, i in enumerate(members): out[i] = pooled[r]
        return out
    return encode


if impl == "onnx":
    encode = onnx_encoder()
    if golden_path:  # the peer must compute the same thing
        golden = json.load(open(golden_path))
        for t in golden["texts"]:
            got = encode([t["text"]])[0]; want = np.array(t["max_seq_length_256"]["embedding"])
            assert float(got @ want) > 0.9999, f"ONNX graph disagrees with golden on {t['id']}"
    timed("onnxruntime", encode)
else:
    import torch
    from sentence_transformers import SentenceTransformer
    torch.set_num_threads(2)
    st = SentenceTransformer(model_dir, device="cpu")
    st.max_seq_length = MAX_LEN
    timed("pytorch", lambda batch: st.encode(batch, batch_size=BATCH, normalize_embeddings=True))
