# Independent oracle for RISC-V M extension (spec: unprivileged ISA ch. "M" Standard Extension).
def s(v,x): v&=(1<<x)-1; return v-(1<<x) if v>>(x-1) else v
def u(v,x): return v&((1<<x)-1)
def ops(x):
    M=(1<<x)-1
    def div(a,b):
        a,b=s(a,x),s(b,x)
        if b==0: return -1
        if a==-(1<<(x-1)) and b==-1: return a
        q=abs(a)//abs(b); return q if (a<0)==(b<0) else -q
    def rem(a,b):
        a,b=s(a,x),s(b,x)
        if b==0: return a
        if a==-(1<<(x-1)) and b==-1: return 0
        r=abs(a)%abs(b); return r if a>=0 else -r
    return {
     'mul': lambda a,b: u(a*b,x),
     'mulh': lambda a,b: u((s(a,x)*s(b,x))>>x,x),
     'mulhsu': lambda a,b: u((s(a,x)*u(b,x))>>x,x),
     'mulhu': lambda a,b: u((u(a,x)*u(b,x))>>x,x),
     'div': lambda a,b: u(div(a,b),x),
     'divu': lambda a,b: u(M if u(b,x)==0 else u(a,x)//u(b,x),x),
     'rem': lambda a,b: u(rem(a,b),x),
     'remu': lambda a,b: u(u(a,x) if u(b,x)==0 else u(a,x)%u(b,x),x),
    }
def wops():
    o32=ops(32)
    sx=lambda v: u(s(v,32),64)
    return {k+'w':(lambda f: lambda a,b: sx(f(u(a,32),u(b,32))))(o32[k]) for k in ['mul','div','divu','rem','remu']}
def operands(x):
    m=1<<x
    return [0,1,m-1,1<<(x-1),(1<<(x-1))-1,2,m-2,7,m-7,0x12345678 if x==32 else 0x123456789abcdef1, (0x9abcdef1 if x==32 else 0xfedcba9876543211)]
lines=[]
n=1
def emit(x, table, opnds, fmt):
    global n
    for op,f in table.items():
        for a in opnds:
            for b in opnds:
                lines.append(f"    TEST_RR({n}, {op}, 0x{a:x}, 0x{b:x}, 0x{f(a,b):x})"); n+=1
import sys
x=int(sys.argv[1])
emit(x, ops(x), operands(x), None)
if x==64:
    # *W ops: operands with interesting low 32 bits and garbage upper bits
    wo=[0,1,0xffffffff,0x80000000,0x7fffffff,0xdeadbeef00000002,0x12345678fffffff9,0x00000001_80000000,0xffffffff_00000000]
    emit(64, wops(), wo, None)
print("\n".join(lines))
