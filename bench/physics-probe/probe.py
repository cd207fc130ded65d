"""Investigation probe of bench/physics-probe.sh (not part of the pipeline): the reference's HLF network, a
GRU(50) over the particle list (particle-sequence) and the GRU + HLF (inclusive), in PyTorch on the events
that bench-features export-physics wrote (bench/physics-probe.sh export); same split, scaling and early
stopping for all; prints the test AUCs per class. With --table, on a features table's own events instead, as
bench-training export-table wrote them (already scaled and ordered, split as the DL4J trainer splits them).
Needs Debian's python3-torch, python3-numpy, python3-sklearn."""
import argparse, time, math, os, sys, json
import numpy as np, torch, torch.nn as nn
from sklearn.metrics import roc_auc_score

CLASSES = ["qcd", "ttbar", "wjets"]
ETA, PHI = 5, 6

def load(d, per_class):
    H, P, N, Y = [], [], [], []
    for lab, c in enumerate(CLASSES):
        h = np.fromfile(f"{d}/{c}_hlf.f32", dtype="<f4").reshape(-1, 14)[:per_class]
        n = np.fromfile(f"{d}/{c}_n.i32", dtype="<i4")[:per_class]
        rows = np.fromfile(f"{d}/{c}_particles.f32", dtype="<f4", count=int(n.sum()) * 19).reshape(-1, 19)
        off = np.concatenate([[0], np.cumsum(n)])
        P += [rows[off[i]:off[i + 1]] for i in range(len(n))]
        H.append(h); N.append(n); Y.append(np.full(len(n), lab))
    return np.concatenate(H), P, np.concatenate(N), np.concatenate(Y)

def load_table(d, side):
    """One side (train, val, test) of bench-training export-table: labels, HLF, real rows, particle rows."""
    y = np.fromfile(f"{d}/{side}_y.i32", dtype="<i4").astype(np.int64)
    h = np.fromfile(f"{d}/{side}_hlf.f32", dtype="<f4").reshape(len(y), 14)
    n = np.fromfile(f"{d}/{side}_n.i32", dtype="<i4").astype(np.int64)
    x = np.fromfile(f"{d}/{side}_particles.f32", dtype="<f4").reshape(len(y), -1, 19)
    return h, x, np.maximum(n, 1), y

def order(rows, how, L):
    """rows[0] is the lepton. Returns at most L rows in the requested order (padding handled later)."""
    lep = rows[0]
    rest = rows[1:]
    dphi = (rest[:, PHI] - lep[PHI] + np.pi) % (2 * np.pi) - np.pi
    dr = np.sqrt((rest[:, ETA] - lep[ETA]) ** 2 + dphi ** 2)
    if how == "as_read":
        out = np.concatenate([rows[:1], rest])[:L]
    elif how == "dr_asc":  # lepton first, then closest first; truncation drops the farthest
        idx = np.argsort(dr, kind="stable")
        out = np.concatenate([rows[:1], rest[idx]])[:L]
    elif how == "dr_desc":  # paper: decreasing dR, lepton last; truncation drops the farthest
        idx = np.argsort(dr, kind="stable")[: L - 1][::-1]
        out = np.concatenate([rest[idx], rows[:1]])
    elif how == "pt_desc_last":  # hardest last
        idx = np.argsort(rest[:, 4], kind="stable")[::-1][: L - 1][::-1]
        out = np.concatenate([rest[idx], rows[:1]])
    else:
        raise ValueError(how)
    return out

def pad(P, how, L, mean, std):
    X = np.zeros((len(P), L, 19), np.float32)
    lens = np.zeros(len(P), np.int64)
    for i, r in enumerate(P):
        o = order(r, how, L)
        X[i, : len(o)] = (o - mean) / std
        lens[i] = len(o)
    return X, lens

class MLP(nn.Module):
    def __init__(self, nin, hidden=(50, 20, 10)):
        super().__init__()
        layers, k = [], nin
        for h in hidden:
            layers += [nn.Linear(k, h), nn.ReLU()]; k = h
        layers += [nn.Linear(k, 3)]
        self.f = nn.Sequential(*layers)
    def forward(self, h, x=None, lens=None):
        return self.f(h)

class RNN(nn.Module):
    def __init__(self, units=50, inclusive=False, cell="gru"):
        super().__init__()
        self.rnn = (nn.GRU if cell == "gru" else nn.LSTM)(19, units, batch_first=True)
        self.drop = nn.Dropout(0.2)
        self.inclusive = inclusive
        if inclusive:
            self.head = nn.Sequential(nn.Linear(units + 14, 25), nn.ReLU(), nn.Linear(25, 3))
        else:
            self.head = nn.Linear(units, 3)
    def forward(self, h, x, lens):
        # padding is at the end: the output at the last real step is unaffected by it (unidirectional)
        o, _ = self.rnn(x[:, : int(lens.max())])
        z = o[torch.arange(len(lens)), lens - 1]
        if self.inclusive:
            return self.head(torch.cat([self.drop(z), self.drop(h)], 1))
        return self.head(self.drop(z))

class DeepSet(nn.Module):
    def __init__(self, inclusive=False):
        super().__init__()
        self.phi = nn.Sequential(nn.Linear(19, 64), nn.ReLU(), nn.Linear(64, 64), nn.ReLU())
        self.inclusive = inclusive
        self.rho = nn.Sequential(nn.Linear(64 + (14 if inclusive else 0), 50), nn.ReLU(), nn.Linear(50, 3))
    def forward(self, h, x, lens):
        m = (torch.arange(x.shape[1])[None, :] < lens[:, None]).float()[..., None]
        z = (self.phi(x) * m).sum(1) / 100.0
        if self.inclusive: z = torch.cat([z, h], 1)
        return self.rho(z)

def train(model, tr, va, te, lr=1e-3, bs=128, epochs=50, patience=5, log=""):
    opt = torch.optim.Adam(model.parameters(), lr=lr)
    lossf = nn.CrossEntropyLoss()
    best, best_state, bad, ep_done = 1e9, None, 0, 0
    t0 = time.process_time()
    def predict(ds):
        model.eval(); out = []
        with torch.no_grad():
            for s in range(0, len(ds[-1]), 1024):
                out.append(torch.softmax(model(*[t[s:s + 1024] for t in ds[:-1]]), 1))
        model.train(); return torch.cat(out)
    for ep in range(epochs):
        perm = torch.randperm(len(tr[-1]))
        for s in range(0, len(perm), bs):
            i = perm[s:s + bs]
            opt.zero_grad()
            l = lossf(model(*[t[i] for t in tr[:-1]]), tr[-1][i])
            l.backward(); opt.step()
        pv = predict(va)
        vl = nn.functional.nll_loss(torch.log(pv + 1e-12), va[-1]).item()
        ep_done = ep + 1
        if vl < best - 1e-5:
            best, bad = vl, 0
            best_state = {k: v.clone() for k, v in model.state_dict().items()}
        else:
            bad += 1
        print(f"  {log} epoch {ep+1} val loss {vl:.4f} auc_va {roc_auc_score(va[-1].numpy()==1, pv[:,1].numpy()):.4f} cpu {time.process_time()-t0:.0f}s", flush=True)
        if bad >= patience: break
    model.load_state_dict(best_state)
    pt = predict(te)
    y = te[-1].numpy()
    aucs = [roc_auc_score(y == k, pt[:, k].numpy()) for k in range(3)]
    return aucs, ep_done, time.process_time() - t0

def main():
    ap = argparse.ArgumentParser()
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--data", help="bench-features export-physics output (split, ordered and scaled here)")
    g.add_argument("--table", help="bench-training export-table output (the pipeline's own split and scaling)")
    ap.add_argument("--per-class", type=int, default=25000)
    ap.add_argument("--models", default="hlf,gru")
    ap.add_argument("--order", default="dr_desc")
    ap.add_argument("--L", type=int, default=100)
    ap.add_argument("--epochs", type=int, default=50)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--patience", type=int, default=5, help="early stopping: epochs without a better validation loss")
    ap.add_argument("--drop-features", default="", help="particle columns (0-18) set to zero")
    ap.add_argument("--drop-hlf", default="", help="HLF (0-13, the reference order) set to zero")
    ap.add_argument("--init", choices=("torch", "dl4j"), default="torch",
                    help="weight initialisation: PyTorch's defaults, or DL4J's for the same network (dl4j-training Models)")
    ap.add_argument("--threads", type=int, default=1)
    a = ap.parse_args()
    torch.set_num_threads(a.threads); torch.manual_seed(1); np.random.seed(1)
    if a.table:
        return run(a, {side: load_table(a.table, side) for side in ("train", "val", "test")})
    H, P, N, Y = load(a.data, a.per_class)
    rng = np.random.default_rng(7)
    idx = rng.permutation(len(Y)); ntest = len(Y) // 5; nval = (len(Y) - ntest) // 10
    te, va, tr = idx[:ntest], idx[ntest:ntest + nval], idx[ntest + nval:]
    hmin, hmax = H[tr].min(0), H[tr].max(0)
    Hs = ((H - hmin) / np.where(hmax > hmin, hmax - hmin, 1)).astype(np.float32)
    drop_hlf = [int(x) for x in a.drop_hlf.split(",") if x]
    Hs[:, drop_hlf] = 0
    allrows = np.concatenate([P[i] for i in tr[:5000]])
    mean, std = allrows.mean(0), allrows.std(0); std[std == 0] = 1
    drop = [int(x) for x in a.drop_features.split(",") if x]
    print(f"events {len(Y)} train {len(tr)} val {len(va)} test {len(te)}; mean rows {N.mean():.0f}", flush=True)
    for m in a.models.split(","):
        model, need_x = build(m, a.init)
        def ds(ix):
            h = torch.tensor(Hs[ix]); y = torch.tensor(Y[ix])
            if not need_x:
                return (h, y)
            X, lens = pad([P[i] for i in ix], a.order, a.L, mean, std)
            for f in drop: X[:, :, f] = 0
            return (h, torch.from_numpy(X), torch.from_numpy(lens), y)
        aucs, ep, cpu = train(model, ds(tr), ds(va), ds(te), lr=a.lr, epochs=a.epochs, patience=a.patience, log=m)
        print(f"RESULT {m} order={a.order} L={a.L} drop={drop} drop_hlf={drop_hlf} auc(qcd,ttbar,wjets)={[round(x,4) for x in aucs]} epochs={ep} cpu={cpu:.0f}s", flush=True)

def build(m, init="torch"):
    """The model named m, and whether it reads the particle list."""
    torch.manual_seed(1)
    if m == "hlf":
        model, need_x = MLP(14), False
    elif m in ("gru", "incl", "lstm", "incl_lstm"):
        model, need_x = RNN(inclusive=m.startswith("incl"), cell="lstm" if "lstm" in m else "gru"), True
    elif m in ("ds", "ds_incl"):
        model, need_x = DeepSet(inclusive=m == "ds_incl"), True
    else:
        raise ValueError(m)
    if init == "dl4j":
        dl4j_init(model)
    return model, need_x

def dl4j_init(model):
    """DL4J's initialisation of the same layers (Models.java): Xavier normal, variance 2 / (fanIn + fanOut), for the
    LSTM (DL4J's fans: nOut and nIn + nOut) and the output layer; He normal (2 / fanIn) for a ReLU dense layer; zero
    biases but the LSTM's forget gate, 1."""
    with torch.no_grad():
        for mod in model.modules():
            if isinstance(mod, nn.LSTM):
                units, nin = mod.hidden_size, mod.input_size
                for w in (mod.weight_ih_l0, mod.weight_hh_l0):
                    w.normal_(0, math.sqrt(2 / (units + nin + units)))
                mod.bias_ih_l0.zero_(); mod.bias_hh_l0.zero_()
                mod.bias_ih_l0[units:2 * units] = 1.0  # PyTorch's gate order: input, forget, cell, output
            elif isinstance(mod, nn.Sequential):
                linears = [l for l in mod if isinstance(l, nn.Linear)]
                for i, l in enumerate(linears):
                    var = 2 / (l.in_features + l.out_features) if i == len(linears) - 1 else 2 / l.in_features
                    l.weight.normal_(0, math.sqrt(var)); l.bias.zero_()
            elif isinstance(mod, nn.Linear) and mod is getattr(model, "head", None):  # the sequence model's output
                mod.weight.normal_(0, math.sqrt(2 / (mod.in_features + mod.out_features))); mod.bias.zero_()
            elif isinstance(mod, nn.GRU):
                raise ValueError("--init dl4j: DL4J has no GRU here")

def run(a, sides):
    """--table: the exported sides as they are (the features stage ordered and scaled them)."""
    print(" ".join(f"{k} {len(v[-1])}" for k, v in sides.items()) + f"; particle rows {sides['train'][1].shape[1]}", flush=True)
    for m in a.models.split(","):
        model, need_x = build(m, a.init)
        def ds(side):
            h, x, n, y = sides[side]
            if not need_x:
                return (torch.from_numpy(h), torch.from_numpy(y))
            return (torch.from_numpy(h), torch.from_numpy(x[:, : a.L]), torch.from_numpy(np.minimum(n, a.L)), torch.from_numpy(y))
        aucs, ep, cpu = train(model, ds("train"), ds("val"), ds("test"), lr=a.lr, epochs=a.epochs, patience=a.patience, log=m)
        print(f"RESULT {m} table={a.table} L={a.L} auc(qcd,ttbar,wjets)={[round(x,4) for x in aucs]} epochs={ep} cpu={cpu:.0f}s", flush=True)

if __name__ == "__main__":
    main()
