using System.Globalization;
using System.Text;
using PartyFunctions.Scoring;

namespace PartyFunctions.Cli.Demo;

/// <summary>How a cell tends to meet: its usual band, and how often it is missing or late.</summary>
public sealed record CellProfile(string Id, string SuperiorId, int Index, Band Usual, double Missing, double Late, DateOnly ActiveFrom);

/// <summary>A made-up province: grassroots committees of about ten cells each, Vietnamese names, a seeded spread of profiles.</summary>
public sealed class DemoProvince
{
    public const string Id = "DEMO";
    private static readonly string[] Communes =
    [
        "Tân Lập", "Hòa Bình", "Đông Hưng", "Phú Lộc", "An Khánh", "Thanh Xuân", "Yên Sơn", "Quang Trung", "Minh Khai", "Bình Minh",
        "Đồng Tâm", "Hưng Đạo", "Lam Sơn", "Kim Liên", "Cao Xá", "Vĩnh Phúc", "Nghĩa Đô", "Hải Châu", "Tiên Du", "Xuân Phương",
    ];

    private static readonly string[] Surnames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô"];
    private static readonly string[] Given = ["Văn An", "Thị Bình", "Văn Cường", "Thị Dung", "Hữu Đức", "Thị Hà", "Minh Hải", "Thị Lan", "Quốc Nam", "Thị Thu"];

    private DemoProvince(IReadOnlyList<string> committees, IReadOnlyList<CellProfile> cells, byte[] csv)
    {
        Committees = committees;
        Cells = cells;
        Csv = csv;
    }

    public IReadOnlyList<string> Committees { get; }
    public IReadOnlyList<CellProfile> Cells { get; }
    public byte[] Csv { get; }

    public static DemoProvince Create(int cells, int year, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var rows = new List<string>
        {
            "id,parent,kind,name,activeFrom,activeTo,secretaryEmail,officeEmail,assignedMemberName,assignedMemberEmail",
            $"{Id},,province,Tỉnh ủy Sông Hồng (demo),2020-01-01,,,vanphong@tinhuy.demo.vn,,",
        };
        var committees = new List<string>();
        var profiles = new List<CellProfile>();
        var perCommittee = 10;
        for (var c = 0; c * perCommittee < cells; c++)
        {
            var committee = $"{Id}.X{c + 1:00}";
            var commune = Communes[c % Communes.Length] + (c >= Communes.Length ? $" {(c / Communes.Length) + 1}" : "");
            committees.Add(committee);
            rows.Add($"{committee},{Id},grassroots,Đảng ủy xã {commune},2020-01-01,,,vp.x{c + 1:00}@demo.vn,{Person(random)},uvtv.x{c + 1:00}@tinhuy.demo.vn");
            var member = Person(random);
            for (var i = 0; i < perCommittee && c * perCommittee + i < cells; i++)
            {
                var cell = $"{committee}.C{i + 1:00}";
                var profile = Profile(cell, committee, profiles.Count, year, random);
                profiles.Add(profile);
                var from = profile.ActiveFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                rows.Add($"{cell},{committee},cell,Chi bộ thôn {i + 1} ({commune}),{from},,bithu.x{c + 1:00}c{i + 1:00}@demo.vn,,{member},dv.x{c + 1:00}.{i / 5 + 1}@demo.vn");
            }
        }

        return new DemoProvince(committees, profiles, Encoding.UTF8.GetBytes(string.Join("\n", rows) + "\n"));
    }

    private static string Person(Random random) => $"{Surnames[random.Next(Surnames.Length)]} {Given[random.Next(Given.Length)]}";

    private static CellProfile Profile(string cell, string committee, int index, int year, Random random)
    {
        var roll = random.NextDouble();
        var (usual, missing, late) = roll switch
        {
            < 0.45 => (Band.Good, 0.01, 0.05),
            < 0.80 => (Band.Fair, 0.02, 0.10),
            < 0.95 => (Band.Average, 0.06, 0.20),
            _ => (Band.Weak, 0.15, 0.30),
        };
        var from = random.NextDouble() < 0.03 ? new DateOnly(year, 7, 1) : new DateOnly(year, 1, 1);
        return new CellProfile(cell, committee, index, usual, missing, late, from);
    }
}
