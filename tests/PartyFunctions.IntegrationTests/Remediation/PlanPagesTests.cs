using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PartyFunctions.Alerts;
using PartyFunctions.IntegrationTests.Harness;
using PartyFunctions.Remediation;

namespace PartyFunctions.IntegrationTests.Remediation;

/// <summary>The plan pages refuse bad input with a 4xx and a message beside its field, and store nothing (no partial plan).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PlanPagesTests(AzuriteFixture azurite)
{
    private static readonly AlertKey Key = new(AlertRules.AnnualWeak, PlanPagesWorld.Cell, "2025");

    [Fact]
    public async Task A_wrong_code_or_a_forged_session_is_403_on_the_sign_in_page_and_shows_no_plan()
    {
        await using var world = await PlanPagesWorld.CreateAsync(azurite);
        var (_, session) = await world.SignInAsync();

        var wrong = await world.PostAsync(PlanPagesWorld.PlanPath, ("do", "signin"), ("accessCode", "WRONG-CODE"));
        var forged = await world.PostAsync(PlanPagesWorld.PlanPath, ("do", "open"), ("session", session + "x"));
        var otherUnit = await world.PostAsync("/api/plan/Q.G2.C03/annual-weak/2025", ("do", "open"), ("session", session));

        Assert.All([wrong, forged, otherUnit], page => Assert.Equal(HttpStatusCode.Forbidden, page.Status));
        Assert.All([wrong, forged, otherUnit], page => Assert.Contains("id=\"accessCode-err\"", page.Body, StringComparison.Ordinal));
        Assert.All([wrong, forged, otherUnit], page => Assert.DoesNotContain("id=\"why\"", page.Body, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_plan_with_a_bad_row_is_400_each_error_beside_its_field_values_kept_and_nothing_stored()
    {
        await using var world = await PlanPagesWorld.CreateAsync(azurite);
        var (_, session) = await world.SignInAsync();

        var refused = await world.SubmitAsync(session,
            ("title1", "Tổ chức lại sinh hoạt đúng kỳ"), ("owner1", "Bí thư"), ("due1", "2026-03-31"),
            ("title2", "Bổ sung biên bản"), ("owner2", ""), ("due2", "31/02/2026"),
            ("title3", "Sinh hoạt chuyên đề"), ("owner3", "Phó bí thư"), ("due3", "2020-01-01"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("id=\"owner2-err\"", refused.Body, StringComparison.Ordinal);
        Assert.Contains("id=\"due2-err\"", refused.Body, StringComparison.Ordinal);
        Assert.Contains("id=\"due3-err\"", refused.Body, StringComparison.Ordinal);
        Assert.Contains("href=\"#owner2\"", refused.Body, StringComparison.Ordinal);
        Assert.Contains("value=\"31/02/2026\"", refused.Body, StringComparison.Ordinal);
        Assert.Contains("Bổ sung biên bản", refused.Body, StringComparison.Ordinal);
        Assert.Null(await world.Host.Services.GetRequiredService<IRemediationStore>().GetAsync(Key, default));
    }

    [Fact]
    public async Task A_draft_is_saved_unreviewable_then_submitted_and_the_same_plan_again_changes_nothing()
    {
        await using var world = await PlanPagesWorld.CreateAsync(azurite);
        var (_, session) = await world.SignInAsync();
        (string, string)[] row = [("title1", "Tổ chức lại sinh hoạt đúng kỳ"), ("owner1", "Bí thư"), ("due1", "2026-03-31")];

        var draft = await world.PostAsync(PlanPagesWorld.PlanPath, [("do", "save"), ("session", session), .. row]);
        var reviewDraft = await world.PostAsync(world.ReviewPath, ("do", "accept"), ("by", "Nguyễn Văn An"));
        var submitted = await world.SubmitAsync(session, row);
        var again = await world.SubmitAsync(session, row);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.NotFound, HttpStatusCode.OK, HttpStatusCode.OK), (draft.Status, reviewDraft.Status, submitted.Status, again.Status));
        var plan = (await world.Host.Services.GetRequiredService<IRemediationStore>().GetAsync(Key, default))!.Plan;
        Assert.Equal(PlanState.Submitted, plan.State);
        Assert.Equal([PlanActionKind.Saved, PlanActionKind.Submitted], plan.Actions.Select(a => a.Kind));
    }

    [Fact]
    public async Task The_review_refuses_an_action_without_a_name_a_return_without_a_comment_and_an_unknown_button_and_changes_nothing()
    {
        await using var world = await PlanPagesWorld.CreateAsync(azurite);
        var (_, session) = await world.SignInAsync();
        await world.SubmitAsync(session, ("title1", "Tổ chức lại sinh hoạt đúng kỳ"), ("owner1", "Bí thư"), ("due1", "2026-03-31"));

        var noName = await world.PostAsync(world.ReviewPath, ("do", "accept"), ("by", " "));
        var noComment = await world.PostAsync(world.ReviewPath, ("do", "return"), ("by", "Nguyễn Văn An"), ("comment", ""));
        var unknown = await world.PostAsync(world.ReviewPath, ("do", "delete-everything"), ("by", "Nguyễn Văn An"));
        var closeTooEarly = await world.PostAsync(world.ReviewPath, ("do", "close-plan"), ("by", "Nguyễn Văn An"));
        var foreignLink = await world.PostAsync($"/api/review/Q.G2.C01/annual-weak/2025?link={Uri.EscapeDataString(world.Province.Link(PlanLinks.ReviewAction, "Q.G1"))}",
            ("do", "accept"), ("by", "Nguyễn Văn An"));

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.Conflict, HttpStatusCode.Forbidden),
            (noName.Status, noComment.Status, unknown.Status, closeTooEarly.Status, foreignLink.Status));
        Assert.Contains("id=\"by-err\"", noName.Body, StringComparison.Ordinal);
        Assert.Contains("id=\"comment-err\"", noComment.Body, StringComparison.Ordinal);
        var plan = (await world.Host.Services.GetRequiredService<IRemediationStore>().GetAsync(Key, default))!.Plan;
        Assert.Equal((PlanState.Submitted, 1), (plan.State, plan.Actions.Count));
    }

    [Fact]
    public async Task Evidence_of_an_unknown_type_or_for_a_closed_item_is_refused_beside_the_file_and_a_stored_one_is_served_only_with_a_credential()
    {
        await using var world = await PlanPagesWorld.CreateAsync(azurite);
        var (_, session) = await world.SignInAsync();
        await world.SubmitAsync(session, ("title1", "Tổ chức lại sinh hoạt đúng kỳ"), ("owner1", "Bí thư"), ("due1", "2026-03-31"));

        var text = await world.UploadAsync(session, "1", "xin chào"u8.ToArray(), "ghi-chu.txt");
        var photo = await world.UploadAsync(session, "1", PlanPagesWorld.Png(), "bien-ban.png");
        var plan = (await world.Host.Services.GetRequiredService<IRemediationStore>().GetAsync(Key, default))!.Plan;
        var file = $"/api/remediation/Q.G2.C01/annual-weak/2025/items/1/evidence/{plan.Items[0].Evidence[0].Sha256}";
        var withSession = await world.Host.SendAsync(HttpMethod.Get, $"{file}?session={Uri.EscapeDataString(session)}");
        var withoutCredential = await world.Host.SendAsync(HttpMethod.Get, file);

        Assert.Equal((HttpStatusCode.UnsupportedMediaType, HttpStatusCode.OK), (text.Status, photo.Status));
        Assert.Contains("Chỉ nhận tệp PDF", text.Body, StringComparison.Ordinal);
        Assert.Single(plan.Items[0].Evidence);
        Assert.Equal((HttpStatusCode.OK, "image/png"), (withSession.Status, withSession.ContentType));
        Assert.Equal(PlanPagesWorld.Png(), withSession.Bytes);
        Assert.StartsWith("inline", withSession.Headers.ContentDisposition.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, withoutCredential.Status);
    }
}
