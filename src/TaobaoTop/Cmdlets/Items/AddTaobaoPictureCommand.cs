using System;
using System.Management.Automation;
using TaobaoTop.Base;
using TaobaoTop.Core.Items;

namespace TaobaoTop.Cmdlets.Items
{
    /// <summary>Uploads pictures to the seller's picture space (图片空间, taobao.picture.upload).</summary>
    [Cmdlet(VerbsCommon.Add, "TaobaoPicture", SupportsShouldProcess = true)]
    [OutputType(typeof(TaobaoPicture))]
    public sealed class AddTaobaoPictureCommand : TaobaoCmdlet
    {
        private readonly PictureCheck _check = new PictureCheck();

        /// <summary>Picture files; wildcards allowed.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; } = Array.Empty<string>();

        [Parameter]
        [ValidateRange(0, long.MaxValue)]
        public long PictureCategoryId { get; set; }

        /// <summary>The picture's title in the picture space; the file name without extension when omitted.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Title { get; set; }

        protected override void OnRecord()
        {
            foreach (var pattern in Path)
            {
                System.Collections.ObjectModel.Collection<string> files;
                try
                {
                    files = GetResolvedProviderPathFromPSPath(pattern, out _);
                }
                catch (ItemNotFoundException ex)
                {
                    WriteError(new ErrorRecord(ex, "PictureNotFound", ErrorCategory.ObjectNotFound, pattern));
                    continue;
                }
                foreach (var file in files) Upload(file);
            }
        }

        private void Upload(string file)
        {
            if (_check.UploadProblem(file) is string problem)
            {
                WriteInputError(Resources.Messages.Format("Sentence", problem), "InvalidPicture", ErrorCategory.InvalidData, file);
                return;
            }
            if (!ShouldProcess(file, Resources.Messages.Format("UploadPictureAction", PictureCategoryId))) return;
            var picture = Attempt(file, () => ItemApi.ReadPicture(CallApi(ItemApi.PictureUpload(file, PictureCategoryId, Title)), file));
            if (picture != null) WriteObject(picture);
        }
    }
}
