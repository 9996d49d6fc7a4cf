"""HistoNet: a small 3D U-Net from a colour histogram to the histogram a good edit would have.

Designed for a CPU: the first layer already halves the resolution (32³ -> 16³), the deepest
level is 4³ with a global-context vector, and the output is a residual on the input's log
histogram, so an untrained (or unsure) network leaves the histogram as it is.
"""
import torch
from torch import nn
import torch.nn.functional as F

EPS = 1e-5


def _conv(cin, cout, k=3):
    return nn.Conv3d(cin, cout, k, padding=k // 2)


class HistoNet(nn.Module):
    def __init__(self, bins=32, width=8, dropout=0.1):
        super().__init__()
        if bins % 8 != 0:
            raise ValueError("bins must be a multiple of 8")
        self.bins = bins
        w = width
        axis = torch.linspace(-1.0, 1.0, bins)
        r, g, b = torch.meshgrid(axis, axis, axis, indexing="ij")
        # where each bin is in the colour cube: lets the network treat shadows and highlights,
        # or a colour and its complement, differently
        self.register_buffer("coords", torch.stack([r, g, b]).unsqueeze(0))
        self.stem = nn.Conv3d(4, w, 2, stride=2)                 # 32 -> 16, non-overlapping: cheap
        self.enc1 = _conv(w, w)
        self.down2 = nn.Conv3d(w, 2 * w, 2, stride=2)            # 16 -> 8
        self.enc2a = _conv(2 * w, 2 * w)
        self.enc2b = _conv(2 * w, 2 * w)
        self.down3 = nn.Conv3d(2 * w, 4 * w, 2, stride=2)        # 8 -> 4
        self.mid_a = _conv(4 * w, 4 * w)
        self.mid_b = _conv(4 * w, 4 * w)
        self.context = nn.Sequential(nn.Linear(4 * w, 4 * w), nn.LeakyReLU(0.1), nn.Linear(4 * w, 4 * w))
        self.up3 = nn.ConvTranspose3d(4 * w, 2 * w, 2, stride=2)  # 4 -> 8
        self.dec2 = _conv(4 * w, 2 * w)
        self.up2 = nn.ConvTranspose3d(2 * w, w, 2, stride=2)      # 8 -> 16
        self.dec1a = _conv(2 * w, w, 1)
        self.dec1b = _conv(w, w)
        self.up1 = nn.ConvTranspose3d(w, 4, 2, stride=2)          # 16 -> 32
        self.head = _conv(8, 1)
        self.drop = nn.Dropout3d(dropout) if dropout > 0 else nn.Identity()
        nn.init.zeros_(self.head.weight)
        nn.init.zeros_(self.head.bias)

    def forward(self, h):
        act = lambda t: F.leaky_relu(t, 0.1)  # noqa: E731
        n = h.shape[0]
        cells = self.bins ** 3
        density = torch.log1p(h * cells)                       # ~0 for empty bins, ~1 for average ones
        x0 = torch.cat([density, self.coords.expand(n, -1, -1, -1, -1)], dim=1)
        e1 = act(self.enc1(act(self.stem(x0))))
        e2 = act(self.enc2b(self.drop(act(self.enc2a(act(self.down2(e1)))))))
        m = act(self.mid_b(self.drop(act(self.mid_a(act(self.down3(e2)))))))
        m = m + self.context(m.mean(dim=(2, 3, 4))).view(n, -1, 1, 1, 1)
        d2 = act(self.dec2(torch.cat([act(self.up3(m)), e2], dim=1)))
        d1 = act(self.dec1b(act(self.dec1a(torch.cat([act(self.up2(d2)), e1], dim=1)))))
        u = act(self.up1(d1))
        delta = self.head(torch.cat([u, x0], dim=1))
        logits = torch.log(h + EPS) + delta
        return torch.softmax(logits.reshape(n, -1), dim=1).reshape(n, 1, self.bins, self.bins, self.bins)


def parameter_count(model):
    return sum(p.numel() for p in model.parameters())
