/// A value kept out of line in a claim: one with an empty state most claims never leave (no 2310
/// providers, no line details), or one many claims share (their billing provider, subscriber,
/// payer and coverage).
public protocol OutOfLineValue: Sendable, Equatable {
    /// The one box holding the empty value, shared by every empty `OutOfLine` of this type.
    static var emptyBox: OutOfLineBox<Self> { get }
}

/// Keeps a large, mostly empty or widely shared part of a claim out of line: empty values share
/// one box and copies share theirs (copy-on-write), so copying a claim copies a pointer instead of
/// a kilobyte. `ServiceLine` was 1.3 KB and `Claim` 2.6 KB inline, and the parser, the edits and
/// every stage that kept claims copied them whole; the parser opened each claim with a copy of
/// its parties, some thirty strings, until they shared one box per level.
///
/// Reads go through `_read`, which lends the boxed value in place: a getter would copy all of it
/// out for every field read, and a nil box read as a static empty value costs a retain and a
/// lazy-global check per read (measured 25× slower than this).
@propertyWrapper
public struct OutOfLine<Value: OutOfLineValue>: Sendable, Equatable {
    @usableFromInline var box: OutOfLineBox<Value>

    /// The empty value, without comparing anything: a parser making a claim or line per segment
    /// group must not pay for comparing a large empty value with itself.
    ///
    /// A static value, not an `init()`: with one, every `@OutOfLine` property would start empty
    /// before its type's initializer ran, and an initializer assigning a property that already
    /// has a value built the whole claim or line in a temporary and copied it (every string
    /// retained and released).
    @inlinable public static var empty: Self { Self(box: Value.emptyBox) }

    @inlinable init(box: OutOfLineBox<Value>) { self.box = box }

    @inlinable public init(wrappedValue: Value) {
        box = wrappedValue == Value.emptyBox.value ? Value.emptyBox : OutOfLineBox(wrappedValue)
    }

    /// `value` moved into a box of its own, not compared with the empty value first: for a reader
    /// that has just filled it in.
    @inlinable public init(boxing value: consuming Value) { box = OutOfLineBox(value) }

    @inlinable public var wrappedValue: Value {
        _read { yield box.value }
        _modify {
            if !isKnownUniquelyReferenced(&box) { box = OutOfLineBox(box.value) }
            yield &box.value
        }
    }

    /// The box's identity (`claim.$payer`): two values with the same identity share one box, so,
    /// while nothing changes them, they are equal. A validator judging many claims that do not
    /// change meanwhile judges a shared party once by it.
    @inlinable public var projectedValue: ObjectIdentifier { ObjectIdentifier(box) }

    @inlinable public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.box === rhs.box || lhs.box.value == rhs.box.value
    }
}

/// The storage of `OutOfLine`. Changed only through `OutOfLine`'s `_modify`, and only when
/// uniquely referenced, so no two threads ever see it change.
public final class OutOfLineBox<Value: Sendable>: @unchecked Sendable {
    @exclusivity(unchecked) @usableFromInline var value: Value

    @inlinable public init(_ value: consuming Value) { self.value = value }
}
