# test
Nvidia | org | | Nvidia Corp. | NVIDIA, Nvida
H20 | product | nvidia-gpu
WHO | acronym | | World Health Organization
Mar-a-Lago | place | | | Mar-a-Largo
A\|B | org | | x\, y
