import ArgumentParser
import ClaimsApp
import Foundation

struct Partners: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage trading partners' SFTP credentials in Config/partners.yaml (a running serve reloads it).",
        subcommands: [AddKey.self, Passwd.self])

    struct Location: ParsableArguments {
        @Option(help: "Data root whose Config/partners.yaml is edited.")
        var root: String = FileManager.default.currentDirectoryPath

        var partnersFile: URL {
            get throws {
                let root = URL(fileURLWithPath: root, isDirectory: true)
                return try ConfigurationLoader.load(root: root).partnersFile
                    ?? root.appendingPathComponent("Config/partners.yaml")
            }
        }
    }

    struct AddKey: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add-key", abstract: "Authorize an OpenSSH public key (ed25519, ECDSA, RSA >= 3072) for a partner.")

        @Argument(help: "Partner id.")
        var id: String

        @Argument(help: "Public key file (one authorized_keys line).")
        var file: String

        @OptionGroup var location: Location

        func run() async throws {
            guard let line = try? String(contentsOfFile: file, encoding: .utf8) else {
                throw ValidationError("cannot read \(file)")
            }
            do {
                let added = try PartnersFileEditor(file: try location.partnersFile).addKey(line, to: id)
                print(added ? "key added for \(id)" : "key already authorized for \(id)")
            } catch let failure as PartnersFileEditor.Failure {
                throw ValidationError(failure.description)
            }
        }
    }

    struct Passwd: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set a partner's SFTP password (stored as a scrypt hash); read from the terminal, or from stdin.")

        @Argument(help: "Partner id.")
        var id: String

        @OptionGroup var location: Location

        func run() async throws {
            let password: String
            if isatty(STDIN_FILENO) != 0 {
                guard let typed = getpass("Password for \(id): ") else { throw ValidationError("no password given") }
                password = String(cString: typed)
            } else {
                password = readLine(strippingNewline: true) ?? ""
            }
            do {
                try PartnersFileEditor(file: try location.partnersFile).setPassword(password, for: id)
                print("password set for \(id)")
            } catch let failure as PartnersFileEditor.Failure {
                throw ValidationError(failure.description)
            }
        }
    }
}
