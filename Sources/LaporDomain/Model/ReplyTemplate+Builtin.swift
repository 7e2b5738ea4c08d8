extension ReplyTemplate {
    /// The reply templates of `fixtures/templates/`, compiled in by SwiftPM (`.embedInCode`), by
    /// file name without `.txt`; the file's last line break is not part of the text.
    public static let builtin: [ReplyTemplate] = [
        ("bukan-wewenang", PackageResources.bukan_wewenang_txt),
        ("minta-informasi", PackageResources.minta_informasi_txt),
        ("tindak-lanjut-dalam-proses", PackageResources.tindak_lanjut_dalam_proses_txt),
        ("tindak-lanjut-selesai", PackageResources.tindak_lanjut_selesai_txt),
    ].map { name, bytes in
        var body = String(decoding: bytes, as: UTF8.self)
        while body.hasSuffix("\n") { body.removeLast() }
        return ReplyTemplate(name: name, body: body)
    }
}
