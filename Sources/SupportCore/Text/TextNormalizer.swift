import Foundation

/// Folds the ways people type the same text: full-width forms, case, Chinese punctuation, runs of
/// spaces. Used before classification and before matching choices and keywords.
public enum TextNormalizer {
    /// NFKC (full-width `ＵＳＤＴ` → `USDT`, `１２` → `12`), lower-cased, CJK punctuation mapped to ASCII,
    /// white space collapsed and trimmed.
    public static func normalize(_ text: String) -> String {
        let folded = text.precomposedStringWithCompatibilityMapping.lowercased()
        var result = ""
        result.reserveCapacity(folded.utf8.count)
        var lastWasSpace = true
        for scalar in folded.unicodeScalars {
            let mapped = punctuationMap[scalar] ?? traditionalToSimplified[scalar] ?? scalar
            if CharacterSet.whitespacesAndNewlines.contains(mapped) {
                if !lastWasSpace { result.append(" ") }
                lastWasSpace = true
            } else {
                result.unicodeScalars.append(mapped)
                lastWasSpace = false
            }
        }
        if result.hasSuffix(" ") { result.removeLast() }
        return result
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
