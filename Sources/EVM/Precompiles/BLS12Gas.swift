/// EIP-2537 BLS12-381 precompile pricing (§"Gas burning on error", §"G1/G2 MSM", §"Pairing check"), as in
/// execution-specs `forks/prague/vm/precompiled_contracts/bls12_381` (ethereum-execution 2.20.0). The MSM
/// discount tables are the EIP's, one per group, indexed by k − 1 for k ≤ 128 pairs; larger k uses the maximum
/// discount.
public enum BLS12Gas {
    public static let g1Add: Int64 = 375
    public static let g2Add: Int64 = 600
    public static let g1Mul: Int64 = 12000
    public static let g2Mul: Int64 = 22500
    public static let mapFpToG1: Int64 = 5500
    public static let mapFp2ToG2: Int64 = 23800
    public static let pairingPerPair: Int64 = 32600
    public static let pairingBase: Int64 = 37700
    public static let g1MaxDiscount: Int64 = 519
    public static let g2MaxDiscount: Int64 = 524

    /// G1MSM discounts (per mille) for k = 1…128.
    public static let g1Discount: [UInt16] = [
        1000, 949, 848, 797, 764, 750, 738, 728, 719, 712, 705, 698, 692, 687, 682, 677,
        673, 669, 665, 661, 658, 654, 651, 648, 645, 642, 640, 637, 635, 632, 630, 627,
        625, 623, 621, 619, 617, 615, 613, 611, 609, 608, 606, 604, 603, 601, 599, 598,
        596, 595, 593, 592, 591, 589, 588, 586, 585, 584, 582, 581, 580, 579, 577, 576,
        575, 574, 573, 572, 570, 569, 568, 567, 566, 565, 564, 563, 562, 561, 560, 559,
        558, 557, 556, 555, 554, 553, 552, 551, 550, 549, 548, 547, 547, 546, 545, 544,
        543, 542, 541, 540, 540, 539, 538, 537, 536, 536, 535, 534, 533, 532, 532, 531,
        530, 529, 528, 528, 527, 526, 525, 525, 524, 523, 522, 522, 521, 520, 520, 519,
    ]

    /// G2MSM discounts (per mille) for k = 1…128.
    public static let g2Discount: [UInt16] = [
        1000, 1000, 923, 884, 855, 832, 812, 796, 782, 770, 759, 749, 740, 732, 724, 717,
        711, 704, 699, 693, 688, 683, 679, 674, 670, 666, 663, 659, 655, 652, 649, 646,
        643, 640, 637, 634, 632, 629, 627, 624, 622, 620, 618, 615, 613, 611, 609, 607,
        606, 604, 602, 600, 598, 597, 595, 593, 592, 590, 589, 587, 586, 584, 583, 582,
        580, 579, 578, 576, 575, 574, 573, 571, 570, 569, 568, 567, 566, 565, 563, 562,
        561, 560, 559, 558, 557, 556, 555, 554, 553, 552, 552, 551, 550, 549, 548, 547,
        546, 545, 545, 544, 543, 542, 541, 541, 540, 539, 538, 537, 537, 536, 535, 535,
        534, 533, 532, 532, 531, 530, 530, 529, 528, 528, 527, 526, 526, 525, 524, 524,
    ]

    /// k · multiplicationCost · discount(k) / 1000 for k ≥ 1 pairs.
    public static func msm(pairs k: Int, multiplicationCost: Int64, discounts: [UInt16], maxDiscount: Int64) -> Int64 {
        let discount = k <= discounts.count ? Int64(discounts[k - 1]) : maxDiscount
        return Int64(k) * multiplicationCost * discount / 1000
    }

    /// G1MSM gas for k ≥ 1 pairs.
    public static func g1MSM(pairs k: Int) -> Int64 {
        msm(pairs: k, multiplicationCost: g1Mul, discounts: g1Discount, maxDiscount: g1MaxDiscount)
    }

    /// G2MSM gas for k ≥ 1 pairs.
    public static func g2MSM(pairs k: Int) -> Int64 {
        msm(pairs: k, multiplicationCost: g2Mul, discounts: g2Discount, maxDiscount: g2MaxDiscount)
    }

    /// PAIRING_CHECK gas for k pairs.
    public static func pairing(pairs k: Int) -> Int64 { pairingPerPair * Int64(k) + pairingBase }
}
