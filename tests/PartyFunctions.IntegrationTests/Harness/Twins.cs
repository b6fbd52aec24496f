using System.Security.Cryptography;
using System.Text;

namespace PartyFunctions.IntegrationTests.Harness;

/// <summary>
/// Makes a test world reproducible: inside <see cref="Seeded"/>, the random tags, name prefixes and link keys that
/// worlds draw come from the seed instead, so the same world built twice (on two Azurites) holds the same ids and
/// signs the same links, and one can compare what one delivery did in one with what a race did in the other.
/// </summary>
internal static class Twins
{
    private static readonly AsyncLocal<string?> Seed = new();

    public static IDisposable Seeded(string seed)
    {
        var previous = Seed.Value;
        Seed.Value = seed;
        return new Restore(() => Seed.Value = previous);
    }

    /// <summary>Lower-case hex of <paramref name="length"/> digits: from the seed and <paramref name="purpose"/> when seeded, else random.</summary>
    public static string Hex(int length, string purpose) =>
        (Seed.Value is { } seed
            ? Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}/{purpose}")))
            : Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N"))[..length].ToLowerInvariant();

    /// <summary>32 key bytes as base64: from the seed when seeded, else random.</summary>
    public static string Key(string purpose) =>
        Seed.Value is { } seed
            ? Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}/{purpose}")))
            : Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}
