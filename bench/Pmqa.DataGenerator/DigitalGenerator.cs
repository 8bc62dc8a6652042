using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pmqa.Data;
using Pmqa.Domain.Digital;
using Pmqa.Domain.Organizations;
using Pmqa.Web.Features.Digital;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.DataGenerator;

/// <summary>
/// Fills every demo agency's digital-government register (ADR 0025) through the application's own handlers, as its
/// coordinator: four to seven public services at different stages on the way to a central platform by 2570 (one in a
/// few with a later target and its reason), a GD Catalog dataset and a data exchange; provinces also get an area
/// project and the "บอกเรา ถึงรัฐ" channel. Agencies whose register has services already are left alone.
/// </summary>
public static class DigitalGenerator
{
    private static readonly (string Name, Audience Audience)[] Services =
    [
        ("ขออนุญาตประกอบกิจการ", Audience.Businesses), ("ขอรับรองสำเนาเอกสาร", Audience.People), ("ขอรับเงินสงเคราะห์", Audience.People),
        ("ขอต่ออายุใบอนุญาต", Audience.Businesses), ("แจ้งเปลี่ยนแปลงข้อมูลผู้ประกอบการ", Audience.Businesses), ("ขอข้อมูลข่าวสารของราชการ", Audience.People),
        ("ร้องเรียนและแจ้งเบาะแส", Audience.People), ("ขอหนังสือรับรองการปฏิบัติงาน", Audience.Government), ("ขอใช้สถานที่ราชการ", Audience.People),
        ("ยื่นคำขอรับการสนับสนุนงบประมาณ", Audience.Government),
    ];

    private static readonly string[] Units = ["กองบริหารทั่วไป", "กองบริการประชาชน", "กองนโยบายและแผน", "ศูนย์เทคโนโลยีสารสนเทศและการสื่อสาร"];
    private static readonly string[] Partners = ["กรมการปกครอง", "กรมพัฒนาธุรกิจการค้า", "สำนักงานสถิติแห่งชาติ", "กรมบัญชีกลาง"];

    public static async Task<int> RunAsync(IServiceProvider services, IEnumerable<(Guid OrgId, OrganizationType Type, Team Team)> agencies, TextWriter log, CancellationToken ct)
    {
        var filled = 0;
        foreach (var (orgId, type, team) in agencies)
        {
            await using (var scope = services.CreateAsyncScope())
            {
                if (await scope.ServiceProvider.GetRequiredService<PmqaDbContext>().DigitalServices.AnyAsync(s => s.OrganizationId == orgId, ct)) continue;
            }
            var random = new Random(orgId.GetHashCode());
            await using var acting = Acting.As(services, team.Coordinator);
            var register = acting.ServiceProvider.GetRequiredService<DigitalServices>();
            var lists = acting.ServiceProvider.GetRequiredService<DigitalLists>();
            var thisYear = register.CurrentYearBe;
            foreach (var (name, audience) in Services.OrderBy(_ => random.Next()).Take(random.Next(4, 8)))
            {
                var stage = random.Next(10);
                var platform = audience == Audience.Businesses ? "bizPortal" : "citizenPortal";
                var (channel, digital, year, reason) = stage switch
                {
                    < 3 => (platform, true, random.Next(thisYear - 3, thisYear + 1), ""),
                    < 6 => ("ownEService", stage == 5, random.Next(thisYear, DigitalRules.PlatformDeadline + 1), ""),
                    < 9 => ("counterOnly", false, DigitalRules.PlatformDeadline, ""),
                    _ => ("counterOnly", false, DigitalRules.PlatformDeadline + 2, "ต้องแก้ไขระเบียบให้รับเอกสารอิเล็กทรอนิกส์ก่อน"),
                };
                string[] common = channel == "counterOnly" ? [] : stage < 3 ? ["eForm", "identityVerification", "ePayment", "eNotification"] : ["eForm", "eSubmission"];
                // A fully digital service became so in one of the last four years: the pace rule (ADR 0028) counts these.
                int? digitised = digital ? random.Next(thisYear - 3, thisYear + 1) : null;
                var input = new ServiceInput(name, DigitalNames.ApiName(audience), null, channel, digital, common, year, reason, null,
                    Units[random.Next(Units.Length)], channel == "counterOnly" ? null : $"https://service.{orgId.ToString("N")[..8]}.demo.go.th/{random.Next(100, 999)}",
                    null, random.Next(8) == 0, digitised);
                if (await register.CreateAsync(orgId, input, ct) is not Outcome<ServiceView>.Ok) log.WriteLine($"  service refused for organisation {orgId}");
            }
            await lists.AddDatasetAsync(orgId, new DatasetInput("สถิติการให้บริการประชาชนรายเดือน", $"https://gdcatalog.go.th/dataset/{orgId.ToString("N")[..12]}", "monthly",
                DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-random.Next(1, 60))), ct);
            await lists.AddExchangeAsync(orgId, new ExchangeInput(Partners[random.Next(Partners.Length)], "ข้อมูลผู้รับบริการและสถานะคำขอ", "both", null), ct);
            if (type == OrganizationType.Province)
            {
                await lists.AddAreaProjectAsync(orgId, new AreaProjectInput("ยกระดับการท่องเที่ยวเชิงวัฒนธรรมและวิถีชุมชน", "การท่องเที่ยว",
                    "สำนักงานการท่องเที่ยวและกีฬาจังหวัด; พาณิชย์จังหวัด", random.Next(5, 50) * 100_000m, "inProgress"), ct);
                await lists.AddChannelAsync(orgId, new ChannelInput("บอกเรา ถึงรัฐ", "รับฟังความเห็นต่อโครงการสำคัญของจังหวัดทุกไตรมาส"), ct);
            }
            filled++;
        }
        return filled;
    }
}
