using System.Text;

namespace PartyFunctions.IntegrationTests.Organisation;

/// <summary>A small province in the import format: BN → district TUMAI → grassroots DONGCAO → two cells; and one 2025-style grassroots.</summary>
internal static class SampleUnits
{
    public const string Header = "id,parent,kind,name,activeFrom,activeTo,secretaryEmail,officeEmail,assignedMemberName,assignedMemberEmail";

    public static readonly string[] Rows =
    [
        "BN,,province,Tỉnh ủy Bắc Ninh,2020-01-01,,,vp@bn.dang.vn,,",
        "BN.TUMAI,BN,district,Huyện ủy Tự Mai,2020-01-01,,,vp@tumai.dang.vn,Nguyễn Văn An,an@bn.dang.vn",
        "BN.TUMAI.DONGCAO,BN.TUMAI,grassroots,Đảng ủy xã Đông Cao,2020-01-01,,,vp@dongcao.dang.vn,Trần Thị Bình,binh@tumai.dang.vn",
        "BN.TUMAI.DONGCAO.CB1,BN.TUMAI.DONGCAO,cell,Chi bộ thôn Đông,2020-01-01,,bithu1@gmail.com,,Lê Văn Cường,cuong@dongcao.dang.vn",
        "BN.TUMAI.DONGCAO.CB2,BN.TUMAI.DONGCAO,cell,Chi bộ thôn Tây,2020-01-01,,bithu2@gmail.com,,,",
        "BN.PHUONG1,BN,grassroots,Đảng ủy phường Một,2025-07-01,,,vp@phuong1.dang.vn,,",
        "BN.PHUONG1.CB1,BN.PHUONG1,cell,Chi bộ khu phố 1,2025-07-01,,kp1@gmail.com,,,",
    ];

    public static byte[] Csv(params string[] rows) => Csv(bom: true, rows);

    public static byte[] Csv(bool bom, params string[] rows)
    {
        var text = Header + "\n" + string.Join("\n", rows.Length == 0 ? Rows : rows) + "\n";
        return (bom ? Encoding.UTF8.GetPreamble() : []).Concat(Encoding.UTF8.GetBytes(text)).ToArray();
    }

    /// <summary>The sample rows with one row replaced (matched by its id).</summary>
    public static string[] With(string row) =>
        Rows.Select(r => r.Split(',')[0] == row.Split(',')[0] ? row : r).ToArray();
}
