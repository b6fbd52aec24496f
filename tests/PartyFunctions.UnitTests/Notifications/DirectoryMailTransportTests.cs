using MimeKit;
using PartyFunctions.Notifications;
using PartyFunctions.Presentation.Notifications;
using PartyFunctions.Infrastructure.Notifications;

namespace PartyFunctions.UnitTests.Notifications;

public sealed class DirectoryMailTransportTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("mail-sink");

    [Fact]
    public async Task Writes_a_standard_eml_with_both_parts_and_the_Vietnamese_subject_intact()
    {
        var email = new DigestRenderer().Render(DigestSamples.ForAssignedMember(Digest.Vietnamese), "no-reply@tinhuy.example.vn");

        var outcome = await new DirectoryMailTransport(folder.FullName).SendAsync(email, CancellationToken.None);

        var file = Assert.Single(folder.GetFiles("*.eml"));
        Assert.Equal($"file:{file.Name}", Assert.IsType<SendOutcome.Accepted>(outcome).MessageId);
        var message = await MimeMessage.LoadAsync(file.FullName);
        Assert.Equal(email.Subject, message.Subject);
        Assert.Equal("uvtv.nguyen@tinhuy.example.vn", message.To.Mailboxes.Single().Address);
        Assert.Contains("Chi bộ thôn Đống Cao", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Chi bộ thôn Đống Cao", message.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(email.CustomArgs["digestId"], message.Headers["X-PartyFunctions-digestId"]);
    }

    [Fact]
    public async Task The_eml_is_7_bit_with_each_part_saying_its_transfer_encoding_so_any_mail_program_reads_the_Vietnamese()
    {
        var email = new DigestRenderer().Render(DigestSamples.ForAssignedMember(Digest.Vietnamese), "no-reply@tinhuy.example.vn");

        await new DirectoryMailTransport(folder.FullName).SendAsync(email, CancellationToken.None);

        var bytes = await File.ReadAllBytesAsync(Assert.Single(folder.GetFiles("*.eml")).FullName);
        Assert.All(bytes, b => Assert.True(b < 128, $"byte {b} is not 7-bit"));
        var message = await MimeMessage.LoadAsync(Assert.Single(folder.GetFiles("*.eml")).FullName);
        Assert.All(message.BodyParts.OfType<MimePart>(), p => Assert.NotEqual(ContentEncoding.Default, p.ContentTransferEncoding));
    }

    [Fact]
    public async Task Sending_the_same_digest_again_overwrites_its_file()
    {
        var email = new DigestRenderer().Render(DigestSamples.ForAssignedMember(Digest.English), "no-reply@x.vn");
        var sink = new DirectoryMailTransport(folder.FullName);

        await sink.SendAsync(email, CancellationToken.None);
        await sink.SendAsync(email, CancellationToken.None);

        Assert.Single(folder.GetFiles("*.eml"));
    }

    public void Dispose() => folder.Delete(recursive: true);
}
