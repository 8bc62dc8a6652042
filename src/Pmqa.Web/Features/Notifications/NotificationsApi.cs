namespace Pmqa.Web.Features.Notifications;

/// <summary>The caller's own notifications; anyone else's answers 404.</summary>
public static class NotificationsApi
{
    public sealed record MarkedAll(int Marked);

    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/notifications").WithTags("Notifications");
        group.MapGet("/", async (bool? unread, int? page, NotificationInbox inbox, CancellationToken ct) =>
                TypedResults.Ok(await inbox.ListAsync(unread == true, page ?? 1, ct)))
            .WithSummary("The caller's notifications, newest first, 25 a page; ?unread=true for the unread ones only");
        group.MapPost("/{notificationId:guid}/read", async (Guid notificationId, NotificationInbox inbox, CancellationToken ct) =>
                await inbox.MarkReadAsync(notificationId, ct) is null ? Results.NotFound() : Results.NoContent())
            .Produces(StatusCodes.Status204NoContent).Produces(StatusCodes.Status404NotFound)
            .WithSummary("Mark one of the caller's notifications as read");
        group.MapPost("/read-all", async (NotificationInbox inbox, CancellationToken ct) =>
                TypedResults.Ok(new MarkedAll(await inbox.MarkAllReadAsync(ct))))
            .WithSummary("Mark all the caller's notifications as read; answers how many were unread");
    }
}
