"""Writes fast-cnn-bf16.pt: fast-cnn's forward pass for training, in bfloat16 (TorchScript).

DigitPad trains with DJL, whose PyTorch bindings have no bfloat16 type. On CPUs that multiply
bfloat16 natively (AVX-512 BF16, AMX), the training loop runs this script instead of DJL's
layers: the same function as Architecture.FAST_CNN in training mode (batch statistics), taking
the image batch and the network's 32-bit parameters in DJL's order, computing convolutions and
dense layers in bfloat16 as PyTorch's CPU autocast does, and returning 32-bit logits. Gradients
flow back to the 32-bit parameters; batch norm updates the running statistics in place (PyTorch
momentum 0.1 = DJL's 0.9). Inference never uses it.

Run once with PyTorch (any 2.x), from this folder: python fast-cnn-bf16.py
The archive holds code only (no weights); its code/ folder is readable text.
"""
import torch
import torch.nn.functional as F


class FastCnnBf16(torch.nn.Module):
    def forward(self, x: torch.Tensor,
                w1: torch.Tensor, b1: torch.Tensor, g1: torch.Tensor, be1: torch.Tensor, rm1: torch.Tensor, rv1: torch.Tensor,
                w2: torch.Tensor, b2: torch.Tensor, g2: torch.Tensor, be2: torch.Tensor, rm2: torch.Tensor, rv2: torch.Tensor,
                w3: torch.Tensor, b3: torch.Tensor, g3: torch.Tensor, be3: torch.Tensor, rm3: torch.Tensor, rv3: torch.Tensor,
                w4: torch.Tensor, b4: torch.Tensor) -> torch.Tensor:
        bf = torch.bfloat16
        n = x.shape[0]
        # space-to-depth, laid out channels-last as Architecture.spaceToDepth()
        x = x.reshape(n, 14, 2, 14, 2).permute(0, 1, 3, 2, 4).reshape(n, 14, 14, 4).permute(0, 3, 1, 2)
        x = F.conv2d(x.to(bf), w1.to(bf), b1.to(bf), 1, 1)
        x = F.batch_norm(x, rm1, rv1, g1, be1, True, 0.1, 1e-5)
        x = F.relu(F.max_pool2d(x, 2))
        x = F.conv2d(x, w2.to(bf), b2.to(bf))
        x = F.relu(F.batch_norm(x, rm2, rv2, g2, be2, True, 0.1, 1e-5))
        x = x.reshape(n, -1)
        x = F.linear(x, w3.to(bf), b3.to(bf))
        x = F.relu(F.batch_norm(x, rm3, rv3, g3, be3, True, 0.1, 1e-5))
        x = F.linear(x, w4.to(bf), b4.to(bf))
        return x.float()


if __name__ == '__main__':
    torch.jit.script(FastCnnBf16()).save('fast-cnn-bf16.pt')
