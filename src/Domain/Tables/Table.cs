using System.Security.Cryptography;
using System.Text;

namespace Restaurant.Domain.Tables;

/// <summary>
/// A table of the restaurant's floor and the code printed on it (as a QR code). Only someone who can read the code
/// (a diner sitting there) may open or join the table's order, so nobody outside can open or block the floor's tables.
/// </summary>
public sealed class Table
{
    public const int MaxIdLength = 20;
    public const int MaxSeats = 100;
    public const int DefaultSeats = 4;
    /// <summary>128 random bits: above the 80 a guess must beat, and still short enough for a small QR code.</summary>
    public const int CodeBytes = 16;
    /// <summary>Base64url of <see cref="CodeBytes"/> bytes without padding.</summary>
    public const int CodeLength = 22;

    private Table() { }

    public string Id { get; private set; } = "";
    public int Seats { get; private set; }
    /// <summary>
    /// The code itself, not a hash of it: staff print it again (GET /tables), and it only ever opens one table's order,
    /// so it is worth less than the staff keys that can read it. Compared in constant time (<see cref="Accepts"/>).
    /// </summary>
    public string Code { get; private set; } = "";

    /// <summary>1 to <see cref="MaxIdLength"/> ASCII letters, digits or '-': safe in a URL path and on a ticket.</summary>
    public static bool IsValidId(string? id) =>
        id is { Length: > 0 and <= MaxIdLength } && id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    public static string IdRule => $"A table is 1 to {MaxIdLength} letters, digits or '-'.";

    public static bool IsValidSeats(int seats) => seats is >= 1 and <= MaxSeats;

    public static string SeatsRule => $"A table seats 1 to {MaxSeats} guests.";

    /// <summary>A new table with a fresh random code.</summary>
    public static Table Create(string id, int seats = DefaultSeats)
    {
        if (!IsValidId(id)) throw new DomainException(DomainErrors.InvalidTable, IdRule);
        var table = new Table { Id = id, Code = NewCode() };
        table.SetSeats(seats);
        return table;
    }

    public void SetSeats(int seats)
    {
        if (!IsValidSeats(seats)) throw new DomainException(DomainErrors.InvalidSeats, SeatsRule);
        Seats = seats;
    }

    /// <summary>A new code; the old one stops opening or joining the table's order at once.</summary>
    public void RotateCode() => Code = NewCode();

    /// <summary>
    /// Whether <paramref name="candidate"/> is this table's code. Compares hashes in constant time, so how long it
    /// takes says nothing about how much of a guess was right (hashing first also evens out the lengths).
    /// </summary>
    public bool Accepts(string? candidate) =>
        candidate is not null && CryptographicOperations.FixedTimeEquals(HashOf(candidate), HashOf(Code));

    private static byte[] HashOf(string code) => SHA256.HashData(Encoding.UTF8.GetBytes(code));

    private static string NewCode() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(CodeBytes))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
