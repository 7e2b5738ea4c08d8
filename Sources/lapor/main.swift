import Foundation
import LaporCLI

// The whole program lives in LaporCLI so that tests drive the same code.
exit(await LaporCommand.run(arguments: Array(CommandLine.arguments.dropFirst())))
