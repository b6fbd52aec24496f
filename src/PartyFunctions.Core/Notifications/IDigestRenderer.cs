namespace PartyFunctions.Notifications;

/// <summary>Port: the email a digest becomes (subject, HTML and text parts); the Presentation project renders it from its templates.</summary>
public interface IDigestRenderer
{
    EmailMessage Render(Digest digest, string from);
}
