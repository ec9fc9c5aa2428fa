"""PyTorch reference values for the training unit tests: reads one JSON task on stdin, prints JSON.

task "losses": logits, targets (row-major lists), rows, labels, posWeight, weight -> for each loss
  its value and d(loss)/d(logits) by autograd, in float64.
task "steps": an MLP's initial parameters (nn.Linear layout), a list of batches (x, y) and a loss
  -> the parameters after one Adam step per batch (float32, as training runs).
"""
import json
import sys

import torch


def asymmetric(x, y, gamma_neg, gamma_pos, clip, eps, reduction):
    """Alibaba-MIIL/ASL AsymmetricLoss (as published: the focusing weight is differentiated); 'sum' is its -loss.sum()."""
    xs_pos = torch.sigmoid(x)
    xs_neg = 1 - xs_pos
    if clip is not None and clip > 0:
        xs_neg = (xs_neg + clip).clamp(max=1)
    loss = y * torch.log(xs_pos.clamp(min=eps)) + (1 - y) * torch.log(xs_neg.clamp(min=eps))
    pt = xs_pos * y + xs_neg * (1 - y)
    loss = loss * torch.pow(1 - pt, gamma_pos * y + gamma_neg * (1 - y))
    return -loss.sum() if reduction == "sum" else -loss.mean()


def focal(x, y, alpha, gamma, weight=None):
    """torchvision.ops.sigmoid_focal_loss (reduction mean) times an optional weight; written out as torchvision 0.14 does when torchvision is absent."""
    if weight is None:
        try:
            from torchvision.ops import sigmoid_focal_loss  # noqa: PLC0415

            return sigmoid_focal_loss(x, y, alpha=alpha, gamma=gamma, reduction="mean")
        except ImportError:
            pass
    p = torch.sigmoid(x)
    ce = torch.nn.functional.binary_cross_entropy_with_logits(x, y, reduction="none")
    p_t = p * y + (1 - p) * (1 - y)
    loss = ce * ((1 - p_t) ** gamma)
    if alpha >= 0:
        loss = (alpha * y + (1 - alpha) * (1 - y)) * loss
    if weight is not None:
        loss = loss * weight
    return loss.mean()


def loss_fn(spec, pos_weight, weight):
    kind = spec["kind"]
    if kind == "bce":
        return lambda x, y: torch.nn.functional.binary_cross_entropy_with_logits(x, y)
    if kind == "weightedBce":
        return lambda x, y: torch.nn.functional.binary_cross_entropy_with_logits(x, y, pos_weight=pos_weight)
    if kind == "classBalancedBce":
        return lambda x, y: torch.nn.functional.binary_cross_entropy_with_logits(x, y, weight=weight)
    if kind == "focal":
        return lambda x, y: focal(x, y, spec.get("alpha", 0.25), spec.get("gamma", 2))
    if kind == "classBalancedFocal":
        return lambda x, y: focal(x, y, spec.get("alpha", 0.25), spec.get("gamma", 2), weight)
    if kind == "asymmetric":
        return lambda x, y: asymmetric(x, y, spec.get("gammaNeg", 4), spec.get("gammaPos", 0), spec.get("clip", 0.05), 1e-8, spec.get("reduction", "sum"))
    raise ValueError(kind)


def losses(task):
    dtype = torch.float64
    shape = (task["rows"], task["labels"])
    y = torch.tensor(task["targets"], dtype=dtype).reshape(shape)
    pos_weight = torch.tensor(task["posWeight"], dtype=dtype) if task.get("posWeight") else None
    weight = torch.tensor(task["weight"], dtype=dtype) if task.get("weight") else None
    out = []
    for spec in task["losses"]:
        x = torch.tensor(task["logits"], dtype=dtype).reshape(shape).requires_grad_(True)
        value = loss_fn(spec, pos_weight, weight)(x, y)
        value.backward()
        out.append({"value": value.item(), "grad": x.grad.reshape(-1).tolist()})
    return out


def steps(task):
    torch.set_num_threads(1)
    widths = task["widths"]
    layers = []
    for i in range(len(widths) - 1):
        layers.append(torch.nn.Linear(widths[i], widths[i + 1]))
        if i < len(widths) - 2:
            layers.append(torch.nn.ReLU())
    model = torch.nn.Sequential(*layers)
    linear = [m for m in model if isinstance(m, torch.nn.Linear)]
    with torch.no_grad():
        for m, p in zip(linear, task["params"]):
            m.weight.copy_(torch.tensor(p["weight"]).reshape(m.weight.shape))
            m.bias.copy_(torch.tensor(p["bias"]))
    pos_weight = torch.tensor(task["posWeight"]) if task.get("posWeight") else None
    weight = torch.tensor(task["weight"]) if task.get("weight") else None
    fn = loss_fn(task["loss"], pos_weight, weight)
    optimiser = torch.optim.Adam(model.parameters(), lr=task["lr"])
    batch_losses = []
    for batch in task["batches"]:
        x = torch.tensor(batch["x"]).reshape(batch["rows"], widths[0])
        y = torch.tensor(batch["y"], dtype=torch.float32).reshape(batch["rows"], widths[-1])
        optimiser.zero_grad()
        loss = fn(model(x), y)
        loss.backward()
        optimiser.step()
        batch_losses.append(loss.item())
    return {"losses": batch_losses, "params": [{"weight": m.weight.detach().reshape(-1).tolist(), "bias": m.bias.detach().tolist()} for m in linear]}


if __name__ == "__main__":
    request = json.load(sys.stdin)
    print(json.dumps(losses(request) if request["task"] == "losses" else steps(request)))
