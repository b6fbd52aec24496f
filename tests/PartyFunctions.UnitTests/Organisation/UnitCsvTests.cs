using System.Text;
using PartyFunctions.Organisation;

namespace PartyFunctions.UnitTests.Organisation;

public sealed class UnitCsvTests
{
    private const string Header = "id,parent,kind,name,activeFrom,activeTo,secretaryEmail,officeEmail,assignedMemberName,assignedMemberEmail";

    [Fact]
    public void Reads_Vietnamese_names_with_or_without_BOM_and_semicolons_and_day_first_dates()
    {
        var withBom = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(
            Header + "\nbn.a,bn,grassroots,Đảng ủy xã Đông Cao,01/07/2025,,,vp@a.dang.vn,,\n")).ToArray();
        var semicolons = Encoding.UTF8.GetBytes(Header.Replace(',', ';') + "\nBN.A;BN;grassroots;Đảng ủy xã Đông Cao;2025-07-01;;;vp@a.dang.vn;;\n");

        foreach (var file in new[] { withBom, semicolons })
        {
            var (rows, errors) = UnitCsv.Read(file);

            Assert.Empty(errors);
            var unit = Assert.Single(rows).Unit;
            Assert.Equal(("BN.A", "BN", UnitKind.Grassroots, "Đảng ủy xã Đông Cao", new DateOnly(2025, 7, 1)),
                (unit.Id, unit.ParentId, unit.Kind, unit.Name, unit.ActiveFrom));
        }
    }

    [Fact]
    public void Names_typed_in_decomposed_Unicode_are_stored_composed_so_re_import_compares_equal()
    {
        var decomposed = "Chi bộ thôn Đông".Normalize(NormalizationForm.FormD);

        var (rows, _) = UnitCsv.Read(Encoding.UTF8.GetBytes($"{Header}\nA.C,A,cell,{decomposed},2020-01-01,,,,,\n"));

        Assert.Equal("Chi bộ thôn Đông".Normalize(NormalizationForm.FormC), rows[0].Unit.Name);
    }

    [Theory]
    [InlineData("A.C,A,cell,Chi bộ,2020-01-01,,not-an-email,,,", "Email")]
    [InlineData("A.C,A,cell,Chi bộ,2020-01-01,,a@localhost,,,", "Email")]
    [InlineData("A.C,A,cell,Chi bộ,2020-02-30,,,,,", "Ngày")]
    [InlineData("A.C,A,cell,Chi bộ,2021-01-01,2020-12-31,,,,", "trước ngày bắt đầu")]
    [InlineData("A.C,A,cell,Chi bộ,,,,,,", "Thiếu activeFrom")]
    [InlineData("A.C,A,chibo,Chi bộ,2020-01-01,,,,,", "Loại đơn vị")]
    [InlineData("A C,A,cell,Chi bộ,2020-01-01,,,,,", "Mã đơn vị")]
    [InlineData(",A,cell,Chi bộ,2020-01-01,,,,,", "Thiếu mã")]
    [InlineData("A.C,A,cell,,2020-01-01,,,,,", "Thiếu tên")]
    [InlineData("A.C,A,cell,Chi bộ,2020-01-01,,,vp@a.dang.vn,,", "Chi bộ không có email văn phòng")]
    [InlineData("A.G,A,grassroots,Đảng ủy,2020-01-01,,bt@a.dang.vn,,,", "Chỉ chi bộ có email bí thư")]
    [InlineData("A.C,A,cell,Chi bộ,2020-01-01,,,,Nguyễn Văn A,", "thiếu email")]
    [InlineData("A.C,A,cell,Chi bộ,2020-01-01,,,,", "Số cột")]
    public void Each_bad_field_is_reported_on_its_line(string badRow, string expected)
    {
        var file = $"{Header}\nA,,province,Tỉnh ủy,2020-01-01,,,,,\n\n{badRow}\n";

        var (rows, errors) = UnitCsv.Read(Encoding.UTF8.GetBytes(file));

        var error = Assert.Single(errors);
        Assert.Equal(4, error.Line);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Single(rows);
    }

    [Fact]
    public void A_header_with_unknown_or_missing_columns_is_refused_on_line_1()
    {
        var (_, errors) = UnitCsv.Read(Encoding.UTF8.GetBytes("id,parent,kind,ten,activeFrom\nA,,province,X,2020-01-01\n"));

        Assert.All(errors, e => Assert.Equal(1, e.Line));
        Assert.Contains(errors, e => e.Message.Contains("\"ten\"", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.Contains("\"name\"", StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_in_a_legacy_code_page_is_refused_with_the_line_of_the_first_bad_byte()
    {
        var bytes = Encoding.UTF8.GetBytes($"{Header}\nA,,province,T").Concat(new byte[] { 0xE1, 0x20 }).Concat(Encoding.UTF8.GetBytes(",2020-01-01,,,,,\n")).ToArray();

        var error = Assert.Single(UnitCsv.Read(bytes).Errors);

        Assert.Equal(2, error.Line);
        Assert.Contains("UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_is_an_error()
    {
        Assert.Contains("trống", Assert.Single(UnitCsv.Read(Array.Empty<byte>()).Errors).Message, StringComparison.Ordinal);
    }
}
