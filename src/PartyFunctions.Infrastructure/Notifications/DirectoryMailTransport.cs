using MimeKit;
using PartyFunctions.Notifications;

namespace PartyFunctions.Infrastructure.Notifications;

/// <summary>
/// The local mail sink: each email becomes a standard .eml file (open it in any mail program) named after
/// its digest, so that a redelivered digest replaces its own file instead of adding one.
/// </summary>
public sealed class DirectoryMailTransport(string directory) : IMailTransport
{
    public string Directory { get; } = Path.GetFullPath(directory);

    public async Task<SendOutcome> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        System.IO.Directory.CreateDirectory(Directory);
        var mime = new MimeMessage { Subject = message.Subject };
        mime.From.Add(MailboxAddress.Parse(message.From));
        mime.To.Add(new MailboxAddress(message.To.Name ?? string.Empty, message.To.Email));
        mime.Headers.Add("X-PartyFunctions-Categories", string.Join(",", message.Categories));
        foreach (var (key, value) in message.CustomArgs)
        {
            mime.Headers.Add($"X-PartyFunctions-{key}", value);
        }

        mime.Body = new BodyBuilder { TextBody = message.Text, HtmlBody = message.Html }.ToMessageBody();
        // Vietnamese text in 7-bit transfer encodings (quoted-printable or base64, with the header saying so): an .eml of
        // raw 8-bit UTF-8 without a Content-Transfer-Encoding is read as garbled text by some mail programs.
        mime.Prepare(EncodingConstraint.SevenBit);
        var name = string.Concat(message.CustomArgs["digestId"].Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '_'));
        var path = Path.Combine(Directory, name + ".eml");
        // Written whole under a name of its own, then renamed into place: a reader never sees half a message, and two
        // deliveries of one digest at once each write their own file and the last rename wins, instead of one failing.
        var temporary = Path.Combine(Directory, $".{name}.{Guid.NewGuid():N}.tmp");
        try
        {
            await mime.WriteToAsync(temporary, cancellationToken);
            File.Move(temporary, path, overwrite: true);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Windows refuses to replace a file another writer holds open: that writer delivered the same digest.
        }
        finally
        {
            File.Delete(temporary);
        }

        return new SendOutcome.Accepted($"file:{name}.eml");
    }
}
