/// A call tree of named frames with self cycles per node: the profiler's store. Node 0 is the root (no
/// name). `folded()` gives Brendan Gregg's folded-stack format (`a;b;c 1234`), sorted, so output is
/// deterministic.
public struct CallTree: Sendable {
    /// Frame names, interned.
    public private(set) var names: [String] = []
    var nameIDs: [String: Int] = [:]
    /// Per node: parent node, name index, self cycles.
    public private(set) var parent: [Int] = [-1]
    public private(set) var name: [Int] = [-1]
    public private(set) var selfCycles: [UInt64] = [0]
    var children: [Int: [Int: Int]] = [:]

    public init() {}

    /// The index of `s` in `names`, adding it if new.
    public mutating func intern(_ s: String) -> Int {
        if let i = nameIDs[s] { return i }
        names.append(s)
        nameIDs[s] = names.count - 1
        return names.count - 1
    }

    /// The child of `node` with name index `nameID`, created if absent.
    public mutating func child(of node: Int, nameID: Int) -> Int {
        if let c = children[node]?[nameID] { return c }
        parent.append(node)
        name.append(nameID)
        selfCycles.append(0)
        let c = parent.count - 1
        children[node, default: [:]][nameID] = c
        return c
    }

    /// Adds `n` cycles to `node`'s self count (saturating).
    public mutating func add(_ n: UInt64, to node: Int) {
        let (s, o) = selfCycles[node].addingReportingOverflow(n)
        selfCycles[node] = o ? .max : s
    }

    /// Sum of all self cycles.
    public var total: UInt64 { selfCycles.reduce(0) { $0 &+ $1 } }

    /// The frame names from the root's child down to `node`.
    public func path(_ node: Int) -> [String] {
        var out: [String] = []
        var n = node
        while n > 0 {
            out.append(names[name[n]])
            n = parent[n]
        }
        return out.reversed()
    }

    /// The children of `node`, sorted by name.
    public func sortedChildren(_ node: Int) -> [Int] {
        (children[node] ?? [:]).values.sorted { names[name[$0]] < names[name[$1]] }
    }

    /// Self plus all descendants' cycles, per node.
    public func inclusive() -> [UInt64] {
        var inc = selfCycles
        // Children are always created after their parents, so a reverse sweep accumulates bottom-up.
        for n in stride(from: parent.count - 1, to: 0, by: -1) { inc[parent[n]] &+= inc[n] }
        return inc
    }

    /// Folded stacks: one line `f1;f2;…;fn cycles` per node with self cycles, sorted by stack.
    public func folded() -> String {
        var lines: [String] = []
        for n in 1..<parent.count where selfCycles[n] > 0 {
            lines.append(path(n).joined(separator: ";") + " \(selfCycles[n])")
        }
        lines.sort()
        return lines.map { $0 + "\n" }.joined()
    }

    /// Per frame name: (self cycles, inclusive cycles counted once per stack even under recursion).
    public func perFunction() -> [(name: String, selfCycles: UInt64, inclusive: UInt64)] {
        var selfBy = [UInt64](repeating: 0, count: names.count)
        var incBy = [UInt64](repeating: 0, count: names.count)
        for n in 1..<parent.count where selfCycles[n] > 0 {
            selfBy[name[n]] &+= selfCycles[n]
            var seen = Set<Int>()
            var m = n
            while m > 0 {
                if seen.insert(name[m]).inserted { incBy[name[m]] &+= selfCycles[n] }
                m = parent[m]
            }
        }
        return names.indices.map { (names[$0], selfBy[$0], incBy[$0]) }
            .sorted { $0.selfCycles != $1.selfCycles ? $0.selfCycles > $1.selfCycles : $0.name < $1.name }
    }
}
