import ArgumentParser
import SupportCLI

/// The executable: everything lives in `SupportCLI` so tests can drive the commands.
@main
struct SupportbotMain {
    static func main() async {
        await Supportbot.main()
    }
}
