@{
    RootModule           = 'TaobaoTop.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '5b0c1f7e-3a52-4f0e-9d2c-7f4f0e8a6c11'
    Author               = 'TaobaoTop contributors'
    CompanyName          = 'TaobaoTop'
    Copyright            = '(c) TaobaoTop contributors. MIT License.'
    Description          = 'Taobao Open Platform (TOP) from PowerShell: signed requests, affiliate (淘宝客) workflows, item listing automation and an offline gateway emulator.'
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
            Tags         = @('Taobao', 'TOP', 'Tbk', 'Alimama', 'Ecommerce', 'China', 'PSEdition_Desktop', 'PSEdition_Core')
            ProjectUri   = 'https://github.com/taobaotop/TaobaoTop'
            LicenseUri   = 'https://github.com/taobaotop/TaobaoTop/blob/main/LICENSE'
        }
    }
}
