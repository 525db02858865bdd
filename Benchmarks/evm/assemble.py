#!/usr/bin/env python3
"""Hand assembler for the EVM benchmark contracts (writes *.hex). Each contract is a counted loop:
   PUSH3 N; JUMPDEST(4); <body, stack-neutral>; PUSH1 1; SWAP1; SUB; DUP1; PUSH2 0x0004; JUMPI; STOP
"""
OPS = {'STOP':0x00,'ADD':0x01,'MUL':0x02,'SUB':0x03,'DIV':0x04,'MOD':0x06,'MULMOD':0x09,'KECCAK256':0x20,
       'POP':0x50,'MSTORE':0x52,'SLOAD':0x54,'SSTORE':0x55,'JUMPI':0x57,'JUMPDEST':0x5b,
       'DUP1':0x80,'DUP2':0x81,'SWAP1':0x90,'LOG1':0xa1}

def asm(items):
    out = bytearray()
    for it in items:
        if isinstance(it, tuple):  # ('PUSH', nbytes, value)
            _, n, v = it
            out.append(0x5f + n); out += v.to_bytes(n, 'big')
        else:
            out.append(OPS[it])
    return bytes(out)

def P(v, n=1): return ('PUSH', n, v)

def loop(n, body):
    return asm([P(n, 3), 'JUMPDEST'] + body + [P(1), 'SWAP1', 'SUB', 'DUP1', P(4, 2), 'JUMPI', 'STOP'])

K = 0x9e3779b97f4a7c15f39cc0605cedc8341082276bf3a27251f86c6a11d0c18e95
contracts = {
    'arithmetic': loop(1_000_000, ['DUP1', 'DUP1', 'MUL', 'DUP2', 'ADD', P(K, 32), 'MUL', P(7), 'SWAP1', 'DIV',
                                   'DUP2', 'SWAP1', 'MOD', 'DUP2', 'DUP1', 'MULMOD', 'POP']),
    'keccak': loop(500_000, ['DUP1', P(0), 'MSTORE', P(64), P(0), 'KECCAK256', P(32), 'MSTORE']),
    'storage': loop(300_000, ['DUP1', 'DUP1', P(16), 'SWAP1', 'MOD', 'SSTORE', 'DUP1', P(16), 'SWAP1', 'MOD', 'SLOAD', 'POP']),
    'erc20': loop(20_000, [P(0xAA), P(0), 'MSTORE', P(0), P(32), 'MSTORE', P(64), P(0), 'KECCAK256',
                           'DUP1', 'SLOAD', P(1), 'SWAP1', 'SUB', 'SWAP1', 'SSTORE',
                           'DUP1', P(0), 'MSTORE', P(64), P(0), 'KECCAK256',
                           'DUP1', 'SLOAD', P(1), 'ADD', 'SWAP1', 'SSTORE',
                           P(K, 32), P(32), P(0), 'LOG1']),
}
for name, code in contracts.items():
    open(name + '.hex', 'w').write(code.hex() + '\n')
