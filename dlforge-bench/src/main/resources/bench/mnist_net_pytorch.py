"""PyTorch reference for `dlforge bench speed`: the pytorch/examples MNIST Net, trained on the same
IDX files with the same per-batch work as dlforge (shuffle per epoch, gather, bytes -> floats in
[0, 1], forward, cross-entropy, backward, Adam, loss and accuracy read back every batch).
Prints one JSON line: {"images_per_second": ...}."""
import argparse
import gzip
import json
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 32, 3, 1)
        self.conv2 = nn.Conv2d(32, 64, 3, 1)
        self.dropout1 = nn.Dropout(0.25)
        self.dropout2 = nn.Dropout(0.5)
        self.fc1 = nn.Linear(9216, 128)
        self.fc2 = nn.Linear(128, 10)

    def forward(self, x):
        x = F.relu(self.conv1(x))
        x = F.relu(self.conv2(x))
        x = F.max_pool2d(x, 2)
        x = self.dropout1(x)
        x = torch.flatten(x, 1)
        x = F.relu(self.fc1(x))
        x = self.dropout2(x)
        return self.fc2(x)


def idx(path, offset):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        return np.frombuffer(f.read(), np.uint8, offset=offset)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--images", required=True)
    p.add_argument("--labels", required=True)
    p.add_argument("--steps", type=int, default=300)
    p.add_argument("--warmup", type=int, default=20)
    p.add_argument("--batch-size", type=int, default=64)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--seed", type=int, default=1)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    images = torch.from_numpy(idx(a.images, 16).reshape(-1, 1, 28, 28).copy())
    labels = torch.from_numpy(idx(a.labels, 8).astype(np.int64))
    model = Net()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    generator = torch.Generator().manual_seed(a.seed)
    order = torch.randperm(len(images), generator=generator)
    model.train()
    start = None
    for step in range(a.steps):
        if step == a.warmup:
            start = time.perf_counter()
        index = order[(step * a.batch_size) % (len(order) - a.batch_size):][: a.batch_size]
        x = images[index].float().div_(255.0)
        y = labels[index]
        optimizer.zero_grad()
        logits = model(x)
        loss = F.cross_entropy(logits, y)
        loss.backward()
        optimizer.step()
        loss.item()
        (logits.argmax(1) == y).float().mean().item()
    seconds = time.perf_counter() - start
    print(json.dumps({"images_per_second": (a.steps - a.warmup) * a.batch_size / seconds}))


if __name__ == "__main__":
    main()
