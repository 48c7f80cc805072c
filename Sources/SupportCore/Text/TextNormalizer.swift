import Foundation

/// Folds the ways people type the same text: full-width forms, case, Chinese punctuation, runs of
/// spaces. Used before classification and before matching choices and keywords.
public enum TextNormalizer {
    /// NFKC (full-width `ＵＳＤＴ` → `USDT`, `１２` → `12`), lower-cased, CJK punctuation mapped to ASCII,
    /// white space collapsed and trimmed.
    ///
    /// Text made only of scalars that NFKC and lower-casing treat one by one (ASCII, common Han,
    /// full-width ASCII and the usual Chinese punctuation: nearly every message) is folded here
    /// directly; anything else goes through Foundation's NFKC first. The Foundation path bridged
    /// through `NSString` and was 40% of an engine turn. A test holds the two paths equal.
    public static func normalize(_ text: String) -> String {
        normalizedDirectly(text) ?? normalizedWithFoundation(text)
    }

    /// The full path: Foundation's NFKC and lower-casing, then `fold`.
    static func normalizedWithFoundation(_ text: String) -> String {
        let folded = text.precomposedStringWithCompatibilityMapping.lowercased()
        return String(unsafeUninitializedCapacity: folded.utf8.count) { buffer in
            var output = FoldedOutput(buffer)
            for scalar in folded.unicodeScalars { output.append(fold(scalar)) }
            return output.finish()
        }
    }

    /// The result without Foundation, or nil when `text` holds a scalar this path does not cover.
    /// The result is never longer in UTF-8 than `text`: every mapping keeps or shortens a scalar.
    static func normalizedDirectly(_ text: String) -> String? {
        var isCovered = true
        let result = String(unsafeUninitializedCapacity: text.utf8.count) { buffer in
            var output = FoldedOutput(buffer)
            for scalar in text.unicodeScalars {
                guard let simple = compatibilityLowercase(scalar) else {
                    isCovered = false
                    return 0
                }
                output.append(fold(simple))
            }
            return output.finish()
        }
        return isCovered ? result : nil
    }

    /// NFKC then lower-casing of `scalar` when both map it to one scalar regardless of its
    /// neighbours; nil for anything else (accents that compose, compatibility ideographs, `…`, …).
    @inline(__always)
    private static func compatibilityLowercase(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        let value = scalar.value
        switch value {
        case 0x41...0x5A: return Unicode.Scalar(UInt8(value | 0x20))
        case 0...0x7F: return scalar
        // Full-width ASCII: NFKC maps U+FF01…U+FF5E to U+0021…U+007E.
        case 0xFF21...0xFF3A: return Unicode.Scalar(UInt8((value - 0xFEE0) | 0x20))
        case 0xFF01...0xFF5E: return Unicode.Scalar(UInt8(value - 0xFEE0))
        // CJK Unified Ideographs and Extension A: no decompositions, no case.
        case 0x4E00...0x9FFF, 0x3400...0x4DBF: return scalar
        // Chinese punctuation with no compatibility decomposition: 、。〈〉《》「」『』【】, · and curly quotes.
        case 0x3001...0x3002, 0x3008...0x3011, 0xB7, 0x2018...0x2019, 0x201C...0x201D: return scalar
        // The ideographic space is a compatibility space.
        case 0x3000: return " "
        default: return nil
        }
    }

    /// After NFKC and lower-casing: Chinese punctuation and Traditional characters mapped; white
    /// space (Unicode `White_Space`) becomes nil, which `FoldedOutput` collapses.
    @inline(__always)
    private static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        let value = scalar.value
        if value < 0x80 {
            return value == 0x20 || (0x09...0x0D).contains(value) ? nil : scalar
        }
        let mapped = punctuationMap[scalar] ?? traditionalToSimplified[scalar] ?? scalar
        return mapped.properties.isWhitespace ? nil : mapped
    }

    /// UTF-8 output with runs of white space collapsed to one space and trimmed at both ends.
    private struct FoldedOutput {
        let buffer: UnsafeMutableBufferPointer<UInt8>
        var count = 0
        var pendingSpace = false

        init(_ buffer: UnsafeMutableBufferPointer<UInt8>) { self.buffer = buffer }

        /// Appends `scalar`, or white space for nil.
        @inline(__always)
        mutating func append(_ scalar: Unicode.Scalar?) {
            guard let scalar else {
                pendingSpace = count > 0
                return
            }
            if pendingSpace {
                buffer[count] = 0x20
                count += 1
                pendingSpace = false
            }
            let value = scalar.value
            if value < 0x80 {
                put(value)
            } else if value < 0x800 {
                put(0xC0 | value >> 6)
                put(0x80 | value & 0x3F)
            } else if value < 0x1_0000 {
                put(0xE0 | value >> 12)
                put(0x80 | value >> 6 & 0x3F)
                put(0x80 | value & 0x3F)
            } else {
                put(0xF0 | value >> 18)
                put(0x80 | value >> 12 & 0x3F)
                put(0x80 | value >> 6 & 0x3F)
                put(0x80 | value & 0x3F)
            }
        }

        @inline(__always)
        private mutating func put(_ byte: UInt32) {
            // Every mapping keeps or shortens a scalar, so this holds; checked because a new entry
            // in the maps that broke it would otherwise write past the buffer.
            precondition(count < buffer.count, "a folded scalar grew in UTF-8")
            buffer[count] = UInt8(truncatingIfNeeded: byte)
            count += 1
        }

        /// The number of bytes written (a trailing run of space is dropped).
        func finish() -> Int { count }
    }

    /// Chinese punctuation that NFKC leaves alone.
    private static let punctuationMap: [Unicode.Scalar: Unicode.Scalar] = [
        "。": ".", "、": ",", "「": "\"", "」": "\"", "『": "\"", "』": "\"", "《": "\"", "》": "\"",
        "【": "[", "】": "]", "～": "~", "·": " ", "…": ".", "\u{3000}": " ",
        "\u{2018}": "'", "\u{2019}": "'", "\u{201C}": "\"", "\u{201D}": "\"",
    ]

    /// Common Traditional characters of wallet-support talk and their Simplified forms, so "錢包被盜"
    /// and "钱包被盗" give the same features. Not a full converter: the classifier only needs the
    /// frequent ones; the secret scanner keeps its own wordlist mapping and does not use this.
    static let traditionalToSimplified: [Unicode.Scalar: Unicode.Scalar] = [
        "丟": "丢", "個": "个", "們": "们", "備": "备", "價": "价", "償": "偿", "兒": "儿", "則": "则", "創": "创", "劃": "划", "務": "务", "區": "区",
        "員": "员", "問": "问", "單": "单", "嗎": "吗", "圖": "图", "報": "报", "塊": "块", "壞": "坏", "夠": "够", "實": "实", "寫": "写", "寶": "宝",
        "專": "专", "對": "对", "導": "导", "帳": "账", "帶": "带", "幣": "币", "幫": "帮", "幾": "几", "後": "后", "復": "复", "態": "态", "慮": "虑",
        "憑": "凭", "應": "应", "戶": "户", "撥": "拨", "擇": "择", "擊": "击", "擔": "担", "據": "据", "數": "数", "於": "于", "時": "时", "書": "书",
        "會": "会", "條": "条", "標": "标", "樣": "样", "機": "机", "檢": "检", "權": "权", "歡": "欢", "歷": "历", "沒": "没", "況": "况", "準": "准",
        "漲": "涨", "瀏": "浏", "為": "为", "營": "营", "狀": "状", "獲": "获", "現": "现", "產": "产", "發": "发", "盜": "盗", "盤": "盘", "確": "确",
        "碼": "码", "礎": "础", "種": "种", "穩": "稳", "簡": "简", "紀": "纪", "細": "细", "結": "结", "絕": "绝", "絡": "络", "給": "给", "統": "统",
        "綁": "绑", "網": "网", "總": "总", "繫": "系", "義": "义", "聯": "联", "聽": "听", "臺": "台", "與": "与", "處": "处", "號": "号", "補": "补",
        "裡": "里", "見": "见", "親": "亲", "覽": "览", "計": "计", "訊": "讯", "記": "记", "設": "设", "詞": "词", "詢": "询", "話": "话", "該": "该",
        "詳": "详", "誌": "志", "認": "认", "說": "说", "請": "请", "謝": "谢", "證": "证", "識": "识", "議": "议", "護": "护", "讀": "读", "變": "变",
        "讓": "让", "貨": "货", "買": "买", "費": "费", "資": "资", "賠": "赔", "賣": "卖", "轉": "转", "辦": "办", "這": "这", "連": "连", "進": "进",
        "運": "运", "過": "过", "達": "达", "選": "选", "遺": "遗", "還": "还", "邊": "边", "錄": "录", "錢": "钱", "錯": "错", "錶": "表", "鎖": "锁",
        "鏈": "链", "長": "长", "門": "门", "開": "开", "間": "间", "關": "关", "際": "际", "隨": "随", "險": "险", "雙": "双", "電": "电", "靈": "灵",
        "頁": "页", "題": "题", "額": "额", "類": "类", "顯": "显", "騙": "骗", "驗": "验", "體": "体", "鬆": "松", "麗": "丽", "麼": "么", "點": "点",
    ]

    /// True for a Han (CJK ideograph) scalar.
    public static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF, 0xF900...0xFAFF: true
        default: false
        }
    }
}
