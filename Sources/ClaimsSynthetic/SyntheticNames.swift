/// Word lists for invented people, streets and practices. Names are common ones combined at
/// random (no real person is described); practice names are made of place-like words.
enum SyntheticNames {
    static let femaleFirst = [
        "MARY", "PATRICIA", "JENNIFER", "LINDA", "ELIZABETH", "BARBARA", "SUSAN", "JESSICA", "SARAH", "KAREN",
        "NANCY", "LISA", "BETTY", "MARGARET", "SANDRA", "ASHLEY", "EMILY", "DONNA", "MICHELLE", "CAROL",
        "AMANDA", "MELISSA", "DEBORAH", "LAURA", "REBECCA", "OLIVIA", "SOPHIA", "GRACE", "CHLOE", "HANNAH",
    ]
    static let maleFirst = [
        "JAMES", "ROBERT", "JOHN", "MICHAEL", "DAVID", "WILLIAM", "RICHARD", "JOSEPH", "THOMAS", "CHARLES",
        "CHRISTOPHER", "DANIEL", "MATTHEW", "ANTHONY", "MARK", "DONALD", "STEVEN", "PAUL", "ANDREW", "JOSHUA",
        "KEVIN", "BRIAN", "GEORGE", "EDWARD", "RONALD", "ETHAN", "NOAH", "LIAM", "MASON", "LUCAS",
    ]
    static let last = [
        "SMITH", "JOHNSON", "WILLIAMS", "BROWN", "JONES", "GARCIA", "MILLER", "DAVIS", "RODRIGUEZ", "MARTINEZ",
        "HERNANDEZ", "LOPEZ", "GONZALEZ", "WILSON", "ANDERSON", "THOMAS", "TAYLOR", "MOORE", "JACKSON", "MARTIN",
        "LEE", "PEREZ", "THOMPSON", "WHITE", "HARRIS", "SANCHEZ", "CLARK", "RAMIREZ", "LEWIS", "ROBINSON",
        "WALKER", "YOUNG", "ALLEN", "KING", "WRIGHT", "SCOTT", "TORRES", "NGUYEN", "HILL", "FLORES",
        "GREEN", "ADAMS", "NELSON", "BAKER", "HALL", "RIVERA", "CAMPBELL", "MITCHELL", "CARTER", "ROBERTS",
    ]
    static let streets = [
        "OAK", "MAPLE", "CEDAR", "PINE", "ELM", "WILLOW", "LAKE", "HILL", "RIVER", "PARK", "MAIN", "WASHINGTON",
        "LINCOLN", "JEFFERSON", "FRANKLIN", "CHESTNUT", "SPRUCE", "BIRCH", "SUNSET", "HIGHLAND", "MEADOW",
        "FOREST", "RIDGE", "CHURCH", "MILL", "SPRING", "VALLEY", "UNION",
    ]
    static let streetSuffixes = ["ST", "AVE", "RD", "DR", "LN", "BLVD", "CT", "WAY", "PL"]
    static let practiceWords = [
        "RIVERBEND", "OAKRIDGE", "LAKESIDE", "NORTHGATE", "SUMMIT", "CEDAR VALLEY", "PINECREST", "HARBORVIEW",
        "MEADOWBROOK", "WESTFIELD", "BRIGHTWATER", "STONEBRIDGE", "FAIRVIEW", "GREEN HILLS", "MAPLEWOOD",
    ]
    static let practiceForms = ["GROUP", "ASSOCIATES", "CLINIC", "PLLC", "LLC", "PC", "PARTNERS"]
    static let middleInitials = Array("ABCDEFGHJKLMNPRSTW").map(String.init)

    /// An invented street line such as `4127 MAPLE AVE`.
    static func streetLine(numbers: ClosedRange<Int>, using rng: inout SplitMix64) -> String {
        "\(rng.int(in: numbers)) \(rng.pick(streets)) \(rng.pick(streetSuffixes))"
    }
}
