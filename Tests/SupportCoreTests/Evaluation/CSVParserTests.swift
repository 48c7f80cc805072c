import Testing

@testable import SupportCore

@Suite struct CSVParserTests {
    @Test("plain fields split on commas and line feeds")
    func plainRecords() throws {
        #expect(try CSVParser.records(in: "a,b\nc,d\n") == [["a", "b"], ["c", "d"]])
    }

    @Test("the last record needs no line break, and empty fields are kept")
    func missingFinalNewline() throws {
        #expect(try CSVParser.records(in: "a,,c\n,x,") == [["a", "", "c"], ["", "x", ""]])
    }

    @Test("quoted fields keep commas and doubled quotes")
    func quotedFields() throws {
        let records = try CSVParser.records(in: "text,category\n\"Hello, \"\"friend\"\"\",greeting\n\"\",empty\n")
        #expect(records == [["text", "category"], ["Hello, \"friend\"", "greeting"], ["", "empty"]])
    }

    @Test("CRLF ends a record, and CR inside quotes is kept")
    func carriageReturns() throws {
        #expect(try CSVParser.records(in: "a,b\r\nc,\"d\r\ne\"\r\n") == [["a", "b"], ["c", "d\r\ne"]])
    }

    @Test("line breaks inside quotes belong to the field")
    func newlinesInQuotes() throws {
        let records = try CSVParser.records(in: "\"\nWhere can I get my PIN unblocked?\",pin_blocked\nnext,x\n")
        #expect(records == [["\nWhere can I get my PIN unblocked?", "pin_blocked"], ["next", "x"]])
    }

    @Test("blank lines between records are skipped")
    func blankLines() throws {
        #expect(try CSVParser.records(in: "a,b\n\n\nc,d\n") == [["a", "b"], ["c", "d"]])
    }

    @Test("non-ASCII text survives")
    func unicode() throws {
        #expect(try CSVParser.records(in: "我的USDT被盗了,report_theft\n") == [["我的USDT被盗了", "report_theft"]])
    }

    @Test("an unterminated quote is an error naming the line it opened on")
    func unterminatedQuote() {
        #expect(throws: CSVError(line: 2, message: "a quoted field is never closed; add the missing '\"'")) {
            try CSVParser.records(in: "a,b\n\"never closed,x\nmore\n")
        }
    }

    @Test("text after a closing quote is an error")
    func textAfterQuote() throws {
        let error = try #require(throws: CSVError.self) { try CSVParser.records(in: "a\n\"quoted\"tail,b\n") }
        #expect(error.line == 2)
    }

    @Test("a quote inside an unquoted field is an error")
    func strayQuote() throws {
        let error = try #require(throws: CSVError.self) { try CSVParser.records(in: "ab\"c,d\n") }
        #expect(error.line == 1)
    }
}
