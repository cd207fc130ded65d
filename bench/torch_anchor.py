#!/usr/bin/env python3
"""PyTorch anchor for the dl4j-training benchmark (bench/training.sh runs it in the same run as the DL4J figures).

Trains the reference networks on the very sets the Java benchmark trained on (exported by `bench-training
--torch-data DIR` as little-endian raw arrays), on one thread, and prints rows in the same table format: events
trained, wall seconds, CPU seconds of this process (all threads), events per CPU second, test ttbar AUC.

- HLF: 14 -> Dense 50 -> 20 -> 10 (ReLU) -> 3, softmax cross-entropy, Adam 1e-3, batch 128.
- Inclusive: recurrent layer (LSTM or GRU, 50 units) over the particle list, each event's output at its last real
  particle, concatenated with the 14 HLF after dropout 0.2 -> Dense 25 ReLU -> 3. Each minibatch is cut at its
  longest real sequence, as our DL4J step does, and padding never reaches the output (unidirectional, padding last).

One untimed warm-up epoch, then --epochs timed epochs, a new shuffle each epoch. Needs python3-torch (Debian) and
numpy; nothing else.

--converge: what a pipeline run's features support for the HLF model (the set written by `bench-training
--from-features RUN/features --torch-data DIR`: train's training and validation sides and the test set): the HLF
network trained to convergence, Adam, early stopping on the validation loss (--patience, at most --max-epochs), the
weights of the best validation loss evaluated on the test set; one line per seed with the test AUC per class and
the ttbar AUC after 5 and 30 epochs.
"""
import argparse
import os
import time

import numpy as np
import torch
from torch import nn


def load(data, name, particles):
    labels = np.fromfile(os.path.join(data, name + ".labels.i32"), dtype="<i4")
    n = len(labels)
    hlf = np.fromfile(os.path.join(data, name + ".hlf.f32"), dtype="<f4").reshape(n, 14)
    out = {"labels": torch.from_numpy(labels.astype(np.int64)), "hlf": torch.from_numpy(hlf.copy())}
    if particles:
        with open(os.path.join(data, name + ".steps")) as f:
            steps = int(f.read())
        seq = np.fromfile(os.path.join(data, name + ".particles.f32"), dtype="<f4").reshape(n, steps, 19)
        counts = np.fromfile(os.path.join(data, name + ".n.i32"), dtype="<i4")
        out["particles"] = torch.from_numpy(seq.copy())
        out["n"] = torch.from_numpy(counts.astype(np.int64))
    return out


def auc(scores, positive):
    """Exact ROC AUC (tied scores count one half), the Mann-Whitney form."""
    order = np.argsort(scores, kind="mergesort")
    ranks = np.empty(len(scores))
    sorted_scores = scores[order]
    i = 0
    while i < len(scores):
        j = i
        while j + 1 < len(scores) and sorted_scores[j + 1] == sorted_scores[i]:
            j += 1
        ranks[order[i:j + 1]] = (i + j) / 2.0 + 1
        i = j + 1
    n_pos = positive.sum()
    n_neg = len(scores) - n_pos
    return (ranks[positive].sum() - n_pos * (n_pos + 1) / 2.0) / (n_pos * n_neg)


class Hlf(nn.Module):
    def __init__(self, widths=(50, 20, 10)):
        super().__init__()
        layers, k = [], 14
        for w in widths:
            layers += [nn.Linear(k, w), nn.ReLU()]
            k = w
        self.net = nn.Sequential(*layers, nn.Linear(k, 3))

    def forward(self, batch):
        return self.net(batch["hlf"])


class Inclusive(nn.Module):
    def __init__(self, cell):
        super().__init__()
        self.rnn = (nn.LSTM if cell == "LSTM" else nn.GRU)(19, 50, batch_first=True)
        self.drop = nn.Dropout(0.2)
        self.head = nn.Sequential(nn.Linear(64, 25), nn.ReLU(), nn.Linear(25, 3))

    def forward(self, batch):
        steps = int(batch["n"].max())
        out, _ = self.rnn(batch["particles"][:, :steps])
        last = out[torch.arange(out.shape[0]), batch["n"] - 1]
        return self.head(torch.cat([last, self.drop(batch["hlf"])], dim=1))


def batches(data, order, size):
    for s in range(0, len(order), size):
        idx = order[s:s + size]
        yield {k: v[idx] for k, v in data.items()}


def run(what, model, train, test, epochs, batch_size, lr, seed):
    torch.manual_seed(seed)
    opt = torch.optim.Adam(model.parameters(), lr=lr)
    loss_fn = nn.CrossEntropyLoss()
    n = len(train["labels"])

    def epoch():
        model.train()
        for b in batches(train, torch.randperm(n), batch_size):
            opt.zero_grad()
            loss_fn(model(b), b["labels"]).backward()
            opt.step()

    epoch()  # warm-up, not timed
    t0, c0 = time.perf_counter(), time.process_time()
    for _ in range(epochs):
        epoch()
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    model.eval()
    with torch.no_grad():
        probs = torch.cat([torch.softmax(model(b), dim=1)
                           for b in batches(test, torch.arange(len(test["labels"])), 512)])
    labels = test["labels"].numpy()
    a = auc(probs[:, 1].numpy().astype(np.float64), labels == 1)
    events = n * epochs
    print(f"| {what} | {events} | {wall:.1f} | 1 | {events / wall:.0f} | {cpu:.1f} | {events / cpu:.0f} | {a:.4f} |",
          flush=True)


def converge(data, widths, batch_size, lr, max_epochs, patience, seed):
    """HLF to convergence: early stopping on the validation loss, the best weights evaluated on the test set."""
    train, val, test = (load(data, "hlf-" + n, False) for n in ("train", "val", "test"))
    torch.manual_seed(seed)
    model = Hlf(widths)
    opt = torch.optim.Adam(model.parameters(), lr=lr)
    loss_fn = nn.CrossEntropyLoss()
    n = len(train["labels"])

    def test_aucs():
        model.eval()
        with torch.no_grad():
            probs = torch.softmax(model(test), dim=1).numpy().astype(np.float64)
        labels = test["labels"].numpy()
        return [auc(probs[:, c], labels == c) for c in range(3)]

    best, best_epoch, best_state, at = float("inf"), 0, None, {}
    t0 = time.process_time()
    for e in range(1, max_epochs + 1):
        model.train()
        for b in batches(train, torch.randperm(n), batch_size):
            opt.zero_grad()
            loss_fn(model(b), b["labels"]).backward()
            opt.step()
        model.eval()
        with torch.no_grad():
            v = loss_fn(model(val), val["labels"]).item()
        if e in (5, 30):
            at[e] = test_aucs()[1]
        if v < best:
            best, best_epoch = v, e
            best_state = {k: x.clone() for k, x in model.state_dict().items()}
        elif e - best_epoch >= patience:
            break
    model.load_state_dict(best_state)
    a = test_aucs()
    print(f"| {seed} | {'/'.join(map(str, widths))} | {batch_size} | {n} | {len(val['labels'])} | {len(test['labels'])} "
          f"| {e} | {best_epoch} | {best:.4f} | {a[0]:.4f} | {a[1]:.4f} | {a[2]:.4f} "
          f"| {at.get(5, float('nan')):.4f} | {at.get(30, float('nan')):.4f} | {time.process_time() - t0:.1f} |",
          flush=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", required=True, help="directory written by bench-training --torch-data")
    ap.add_argument("--epochs", type=int, default=2, help="timed epochs (after one warm-up epoch)")
    ap.add_argument("--skip-hlf", action="store_true")
    ap.add_argument("--skip-seq", action="store_true")
    ap.add_argument("--converge", action="store_true", help="HLF to convergence on hlf-train/-val/-test (see above)")
    ap.add_argument("--widths", default="50,20,10", help="--converge: the HLF network's hidden layers")
    ap.add_argument("--batch-size", type=int, default=128, help="--converge: minibatch size")
    ap.add_argument("--max-epochs", type=int, default=100, help="--converge: at most this many epochs")
    ap.add_argument("--patience", type=int, default=10, help="--converge: epochs without a better validation loss")
    ap.add_argument("--seeds", default="1,2,3", help="--converge: one training per seed")
    args = ap.parse_args()
    torch.set_num_threads(1)
    torch.set_num_interop_threads(1)
    print(f"PyTorch {torch.__version__}, {torch.get_num_threads()} thread", flush=True)
    if args.converge:
        print("| seed | widths | batch | train | validation | test | epochs | best epoch | best val loss "
              "| AUC QCD | AUC ttbar | AUC W+jets | ttbar AUC at 5 | at 30 | CPU s |")
        print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
        widths = tuple(int(w) for w in args.widths.split(","))
        for seed in (int(s) for s in args.seeds.split(",")):
            converge(args.data, widths, args.batch_size, 1e-3, args.max_epochs, args.patience, seed)
        return
    if not args.skip_hlf:
        train, test = load(args.data, "hlf-train", False), load(args.data, "hlf-test", False)
        run("HLF, PyTorch, batch 128 (anchor)", Hlf(), train, test, args.epochs, 128, 1e-3, 42)
    if not args.skip_seq:
        train, test = load(args.data, "seq-train", True), load(args.data, "seq-test", True)
        run("LSTM inclusive, PyTorch, batch 128 (anchor)", Inclusive("LSTM"), train, test, args.epochs, 128, 1e-3, 42)
        run("GRU inclusive, PyTorch, batch 128 (anchor)", Inclusive("GRU"), train, test, args.epochs, 128, 1e-3, 42)
        run("GRU inclusive, PyTorch, batch 32 (anchor)", Inclusive("GRU"), train, test, args.epochs, 32, 1e-3, 42)


if __name__ == "__main__":
    main()
