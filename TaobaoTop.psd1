@{
    RootModule           = 'TaobaoTop.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '5b0c1f7e-3a52-4f0e-9d2c-7f4f0e8a6c11'
    Author               = 'TaobaoTop contributors'
    CompanyName          = 'TaobaoTop'
    Copyright            = '(c) TaobaoTop contributors. MIT License.'
    Description          = 'Taobao Open Platform (TOP, 淘宝开放平台) from PowerShell 5.1 and 7: signed requests, affiliate (淘宝客) links, 淘口令 and orders, item listing from Excel sheets, WeCom (企业微信) channel tracking, and an offline emulator of TOP and WeCom for demos and Pester tests.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess     = @('TaobaoTop.format.ps1xml')
    CmdletsToExport      = @(
        'Connect-TaobaoTop'
        'Disconnect-TaobaoTop'
        'Get-TaobaoTopContext'
        'Invoke-TaobaoApi'
        'Get-TaobaoApi'
        'Reset-TaobaoEmulator'
        'Add-TaobaoItem'
        'Get-TaobaoItem'
        'Set-TaobaoItemPrice'
        'Set-TaobaoItemQuantity'
        'Add-TaobaoPicture'
        'Publish-TaobaoItem'
        'Unpublish-TaobaoItem'
        'New-TaobaoTopToken'
        'Update-TaobaoTopToken'
        'Get-TbkOrder'
        'Get-TbkRefundOrder'
        'Get-TbkPunishOrder'
        'Find-TbkItem'
        'Get-TbkItem'
        'ConvertTo-TbkItemId'
        'ConvertTo-TbkLink'
        'New-TbkPassword'
        'Resolve-TbkPassword'
        'Resolve-TbkLink'
        'Get-TbkActivityLink'
        'New-TbkGiftMoney'
        'Get-TbkGiftMoneyReport'
        'Stop-TbkGiftMoney'
        'Get-TbkRedPacketStatus'
        'Get-TbkRedPacketReport'
        'Get-TbkPasswordRisk'
        'Get-TbkNewUserOrder'
        'Get-TbkCoupon'
        'New-TbkShortLink'
        'Get-TbkShop'
        'ConvertTo-TbkShopLink'
        'New-TbkAdzone'
        'Test-TbkPid'
        'Get-TbkInviteCode'
        'Register-TbkPublisher'
        'Get-TbkPublisher'
        'Connect-WeCom'
        'New-WeComContactWay'
        'Get-WeComContactWay'
        'Set-WeComContactWay'
        'Remove-WeComContactWay'
        'Get-WeComCustomer'
        'Add-WeComCustomerTag'
        'Measure-TaobaoChannel'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('Taobao', 'TOP', '淘宝客', '淘宝开放平台', 'Tbk', 'Alimama', 'WeCom', 'Ecommerce', 'China', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            ReleaseNotes = 'Signed TOP requests (md5, hmac, hmac-sha256), affiliate (淘宝客) links, 淘口令 and orders, item listing from sheets, WeCom channel tracking and an offline emulator. Full history: CHANGELOG.md in the package.'
        }
    }
}
