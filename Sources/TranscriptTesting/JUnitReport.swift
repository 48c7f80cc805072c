import Foundation

/// A JUnit XML report of a replay run, one test case per transcript file.
public enum JUnitReport {
    /// The XML document for `results`; `seconds` gives each file's duration.
    public static func xml(_ results: [SuiteEntry], suite: String = "transcripts") -> String {
        let failed = results.filter { !$0.passed }.count
        let total = results.reduce(0) { $0 + $1.seconds }
        var xml = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<testsuites name="\#(escape(suite))" tests="\#(results.count)" failures="\#(failed)" time="\#(format(total))">"#,
            #"  <testsuite name="\#(escape(suite))" tests="\#(results.count)" failures="\#(failed)" time="\#(format(total))">"#,
        ]
        for result in results {
            let name = escape(result.file)
            let title = escape(result.title)
            let open = #"    <testcase classname="\#(escape(suite))" name="\#(name)" time="\#(format(result.seconds))""#
            if result.passed {
                xml.append(open + " />")
            } else {
                xml.append(open + ">")
                let text = result.failures.map(\.description).joined(separator: "\n\n")
                xml.append(
                    #"      <failure message="\#(title): \#(result.failures.count) failed expectation(s)">\#(escape(text))</failure>"#)
                xml.append("    </testcase>")
            }
        }
        xml += ["  </testsuite>", "</testsuites>"]
        return xml.joined(separator: "\n") + "\n"
    }

    /// Text safe inside XML attributes and elements.
    static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\n", "\t", "\r": result.unicodeScalars.append(scalar)
            default:
                // XML 1.0 forbids most control characters even when escaped.
                if scalar.value < 0x20 { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func format(_ seconds: Double) -> String { String(format: "%.3f", seconds) }
}
