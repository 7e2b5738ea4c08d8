/// Where the panes go: side by side from 110 columns, stacked below that; 80×24 is the minimum.
public struct Layout: Equatable, Sendable {
    public struct Rect: Equatable, Sendable {
        public var x, y, width, height: Int
    }

    public static let minimumWidth = 80
    public static let minimumHeight = 24

    public let list: Rect
    public let detail: Rect
    /// The status bar and the hint/message line at the bottom.
    public let status: Int
    public let hint: Int
    public let fits: Bool

    /// `composing`: the composer takes the list's place, and more of the height when stacked.
    public init(width: Int, height: Int, composing: Bool = false) {
        fits = width >= Self.minimumWidth && height >= Self.minimumHeight
        status = height - 2
        hint = height - 1
        let body = max(0, height - 3)  // title row, status, hint
        if width >= 110 {
            let left = width * 11 / 20
            list = Rect(x: 0, y: 1, width: left, height: body)
            detail = Rect(x: left + 1, y: 1, width: width - left - 1, height: body)
        } else {
            let top = max(4, composing ? body / 2 : body * 9 / 20)
            list = Rect(x: 0, y: 1, width: width, height: top)
            detail = Rect(x: 0, y: 1 + top, width: width, height: body - top)
        }
    }
}
