/// The release of this package, said by `lapor --version`, in the client's `User-Agent`
/// (`lapor/0.1.0`) and in the reference server's `Server` header (`lapor-central/0.1.0`).
public enum LaporVersion {
    public static let current = "0.1.0"
}
