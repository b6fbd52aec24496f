namespace PartyFunctions.Policy;

/// <summary>
/// The packs known to a deployment: the embedded defaults, overridden (same id) or extended by administrator packs.
/// Immutable; a plain object so that the CLI, the functions and tests need no storage to use it.
/// </summary>
public sealed class PolicyCatalog
{
    /// <summary>The series whose pack is in force when a deployment names none: the national packs.</summary>
    public const string DefaultSeries = "vn";

    public const string EmbeddedSource = "embedded";

    private const string ResourcePrefix = "PartyFunctions.Policy.Packs.";

    private static readonly Lazy<PolicyCatalog> EmbeddedCatalog = new(LoadEmbedded);

    private readonly Dictionary<string, CatalogEntry> entries;

    private PolicyCatalog(Dictionary<string, CatalogEntry> entries) => this.entries = entries;

    /// <summary>The packs shipped with the app (vn-2025, phu-tho).</summary>
    public static PolicyCatalog Embedded => EmbeddedCatalog.Value;

    /// <summary>The packs by series, then date, then id.</summary>
    public IReadOnlyList<CatalogEntry> Entries =>
    [
        .. entries.Values
            .OrderBy(e => e.Pack.Series, StringComparer.Ordinal)
            .ThenBy(e => e.Pack.EffectiveFrom)
            .ThenBy(e => e.Pack.Id, StringComparer.Ordinal),
    ];

    /// <summary>
    /// The embedded packs plus every <c>*.json</c> in <paramref name="directory"/> (by name), then <paramref name="files"/>;
    /// a later pack with the same id overrides an earlier one. A rejected file is reported and left out.
    /// </summary>
    public static CatalogLoadResult Load(string? directory, IEnumerable<string>? files = null)
    {
        var paths = new List<string>();
        if (!string.IsNullOrEmpty(directory))
        {
            if (!Directory.Exists(directory))
            {
                return new CatalogLoadResult(Embedded, [$"{directory}: the policy directory does not exist"]);
            }

            paths.AddRange(Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal));
        }

        paths.AddRange(files ?? []);
        var catalog = Embedded;
        var errors = new List<string>();
        foreach (var path in paths)
        {
            var loaded = PolicyPackLoader.LoadFile(path);
            if (loaded.Pack is { } pack)
            {
                catalog = catalog.With(pack, path);
            }
            else
            {
                errors.AddRange(loaded.Errors.Select(e => $"{path}: {e}"));
            }
        }

        return new CatalogLoadResult(catalog, errors);
    }

    /// <summary>A catalog with <paramref name="pack"/> added, or replacing the pack of the same id.</summary>
    public PolicyCatalog With(PolicyPack pack, string source)
    {
        ArgumentNullException.ThrowIfNull(pack);
        return new PolicyCatalog(new Dictionary<string, CatalogEntry>(entries, StringComparer.Ordinal)
        {
            [pack.Id] = new CatalogEntry(pack, source),
        });
    }

    public PolicyPack? Find(string id) => entries.TryGetValue(id, out var entry) ? entry.Pack : null;

    /// <summary>The pack of <paramref name="series"/> in force on <paramref name="date"/>: the latest effective on or before it.</summary>
    public PolicyPack? InForce(DateOnly date, string series = DefaultSeries) =>
        entries.Values
            .Select(e => e.Pack)
            .Where(p => p.Series == series && p.EffectiveFrom <= date)
            .OrderByDescending(p => p.EffectiveFrom)
            .ThenBy(p => p.Id, StringComparer.Ordinal)
            .FirstOrDefault();

    /// <summary>The pack in force for a month's meeting: the one in force on the month's last day.</summary>
    public PolicyPack? InForceForMonth(int year, int month, string series = DefaultSeries) =>
        InForce(new DateOnly(year, month, 1).AddMonths(1).AddDays(-1), series);

    private static PolicyCatalog LoadEmbedded()
    {
        var assembly = typeof(PolicyCatalog).Assembly;
        var entries = new Dictionary<string, CatalogEntry>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            var loaded = PolicyPackLoader.Load(reader.ReadToEnd());
            // A shipped pack that fails its own schema is a build defect, not an input error.
            var pack = loaded.Pack ?? throw new InvalidOperationException($"{name}: {string.Join("; ", loaded.Errors)}");
            entries[pack.Id] = new CatalogEntry(pack, EmbeddedSource);
        }

        return new PolicyCatalog(entries);
    }
}
