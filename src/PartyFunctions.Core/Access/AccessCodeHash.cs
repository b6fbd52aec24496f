using System.Security.Cryptography;
using System.Text;

namespace PartyFunctions.Access;

/// <summary>
/// A code as stored: PBKDF2-HMAC-SHA256 with a per-code random salt. The iteration count is stored with the hash
/// so it can be raised later without invalidating issued codes. Codes are random (59 bits), not chosen by people,
/// so 100,000 iterations put guessing far out of reach while issuing a province's codes stays in minutes.
/// </summary>
public sealed record AccessCodeHash(byte[] Salt, byte[] Hash, int Iterations, DateTimeOffset IssuedAt)
{
    public const int DefaultIterations = 100_000;
    private const int SaltBytes = 16, HashBytes = 32;

    public static AccessCodeHash Create(string code, DateTimeOffset issuedAt, int iterations = DefaultIterations)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        return new AccessCodeHash(salt, Derive(code, salt, iterations), iterations, issuedAt);
    }

    /// <summary>Compares in constant time, so timing tells nothing about how much of a guess was right.</summary>
    public bool Matches(string typed)
    {
        var code = AccessCode.Normalise(typed);
        return code.Length == AccessCode.Length && CryptographicOperations.FixedTimeEquals(Derive(code, Salt, Iterations), Hash);
    }

    private static byte[] Derive(string code, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(code), salt, iterations, HashAlgorithmName.SHA256, HashBytes);
}
