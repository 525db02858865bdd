#!/usr/bin/env python3
"""Hand assembler for the EVM benchmark contracts (writes NAME.hex: the code on line 1, `gas-limit N` on line 2).

Each contract is a loop bounded by gas, so its transaction gas limit sets the size of the run:
   [prefix] PUSH1 0; JUMPDEST(L); <body, stack-neutral, counter i on top>; PUSH1 1; ADD;
   PUSH3 RESERVE; GAS; GT; PUSH2 L; JUMPI; PUSH1 0; MSTORE; PUSH1 32; PUSH1 0; RETURN
It returns the iteration count as one word, so two EVMs that agree on it and on the gas used ran the same loop.
RESERVE (gas kept back for the last iteration) exceeds the dearest iteration of every body.
"""
OPS = {'STOP':0x00,'ADD':0x01,'MUL':0x02,'SUB':0x03,'DIV':0x04,'MOD':0x06,'ADDMOD':0x08,'MULMOD':0x09,
       'GT':0x11,'AND':0x16,'KECCAK256':0x20,'ADDRESS':0x30,'CALLDATASIZE':0x36,'POP':0x50,'MSTORE':0x52,
       'SLOAD':0x54,'SSTORE':0x55,'JUMPI':0x57,'GAS':0x5a,'JUMPDEST':0x5b,
       'DUP1':0x80,'DUP2':0x81,'DUP3':0x82,'SWAP1':0x90,'SWAP2':0x91,'LOG1':0xa1,'CALL':0xf1,'RETURN':0xf3}
RESERVE = 100_000
GAS_LIMIT = 30_000_000

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

def loop(body, prefix=()):
    start = len(asm(list(prefix))) + 2  # after PUSH1 0
    return asm(list(prefix) + [P(0), 'JUMPDEST'] + body + [P(1), 'ADD', P(RESERVE, 3), 'GAS', 'GT', P(start, 2), 'JUMPI',
                                                          P(0), 'MSTORE', P(32), P(0), 'RETURN'])

def call_heavy():
    # A call with calldata (1 byte) re-enters the contract, which returns CALLDATASIZE as one word.
    callee_body = ['JUMPDEST', 'CALLDATASIZE', P(0), 'MSTORE', P(32), P(0), 'RETURN']
    body = [P(32), P(0), P(1), P(0), P(0), 'ADDRESS', 'GAS', 'CALL', 'POP']
    code = loop(body, ['CALLDATASIZE', P(0, 2), 'JUMPI'])
    code = loop(body, ['CALLDATASIZE', P(len(code), 2), 'JUMPI'])
    return code + asm(callee_body)

K = 0x9e3779b97f4a7c15f39cc0605cedc8341082276bf3a27251f86c6a11d0c18e95
contracts = {
    'arithmetic': loop(['DUP1', 'DUP1', 'MUL', 'DUP2', 'ADD', P(K, 32), 'MUL', P(7), 'SWAP1', 'DIV',
                        'DUP2', 'SWAP1', 'MOD', 'DUP2', 'DUP1', 'MULMOD', 'POP']),
    'keccak': loop(['DUP1', P(0), 'MSTORE', P(64), P(0), 'KECCAK256', P(32), 'MSTORE']),
    'storage': loop(['DUP1', 'DUP1', P(16), 'SWAP1', 'MOD', 'SSTORE', 'DUP1', P(16), 'SWAP1', 'MOD', 'SLOAD', 'POP']),
    'erc20': loop([P(0xAA), P(0), 'MSTORE', P(0), P(32), 'MSTORE', P(64), P(0), 'KECCAK256',
                   'DUP1', 'SLOAD', P(1), 'SWAP1', 'SUB', 'SWAP1', 'SSTORE',
                   'DUP1', P(0), 'MSTORE', P(64), P(0), 'KECCAK256',
                   'DUP1', 'SLOAD', P(1), 'ADD', 'SWAP1', 'SSTORE',
                   P(K, 32), P(32), P(0), 'LOG1']),
    # The gas loop: MULMOD, ADDMOD, KECCAK256 of both, SSTORE into 256 rotating slots, SLOAD back.
    'gasloop': loop([P(K, 32), 'DUP2', 'DUP1', 'MULMOD', P(K, 32), 'DUP3', 'DUP3', 'ADDMOD',
                     P(0), 'MSTORE', P(32), 'MSTORE', P(64), P(0), 'KECCAK256',
                     'DUP2', P(0xff), 'AND', 'SSTORE', 'DUP1', P(0xff), 'AND', 'SLOAD', 'POP']),
    'call': call_heavy(),
}
if __name__ == '__main__':
    for name, code in contracts.items():
        open(name + '.hex', 'w').write(code.hex() + '\ngas-limit %d\n' % GAS_LIMIT)
