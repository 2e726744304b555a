#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }

# The promoter's daily families: share texts in today's wrappers, 万能解析, activity links, 淘礼金, 红包 and reports.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/TaobaoTop/TaobaoTop.psd1') -Force
    Connect-TaobaoTop -Emulator -Seed 42
    $shared = Find-TbkItem -Keyword 耳机 -First 1 | ConvertTo-TbkLink -AdzoneId 3000002 | New-TbkPassword
    $code = $shared.Password.Trim('￥')
}

Describe '淘口令 in today''s share texts' {
    It 'reads emoji, CJK brackets and ?tk= links to the item' {
        $texts = "🎵$code📲 打开淘宝", "「$code」", "【淘宝】https://m.tb.cn/h.5ABCdef?tk=$code CZ3457 「耳机」点击链接直接打开"
        $resolved = @($texts | Resolve-TbkPassword)
        $resolved.Password | Should -Be @($code, $code, $code)
        $resolved.ItemId | Should -Be @($shared.ItemId, $shared.ItemId, $shared.ItemId)
    }

    It 'leaves a bare code to 万能解析, which still finds the item' {
        $resolved = "复制${code}打开淘宝" | Resolve-TbkPassword
        $resolved.ItemId | Should -Be $shared.ItemId
        $resolved.ClickUrl | Should -Match 'pid=mm_1000001_2000001_3000001'
    }

    It 'names text nobody can read and goes on' {
        $out = @('没有口令的一段话', "👉$code👈" | Resolve-TbkPassword -ErrorVariable failures -ErrorAction SilentlyContinue)
        $out.Count | Should -Be 1
        $failures[0].TargetObject | Should -Be '没有口令的一段话'
        $failures[0].Exception.Message | Should -Match '万能解析'
    }
}

Describe '万能解析 and 转链 options' {
    It 'parses a share text, a bare code and an activity page to what they point to' {
        $links = @($shared, "复制${code}打开淘宝", 'https://pages.tmall.com/wow/act?pageId=20150318019' | Resolve-TbkLink)
        $links.MaterialType | Should -Be @('Item', 'Item', 'Page')
        $links[0].ItemId | Should -Be $shared.ItemId
        $links[0].OriginPid | Should -Be 'mm_1000001_2000001_3000002'
        $links[2].PageId | Should -Be '20150318019'
    }

    It 'names a text the API cannot read and goes on' {
        $links = @('nonsense', $shared.ShareText | Resolve-TbkLink -ErrorVariable failures -ErrorAction SilentlyContinue)
        $links.Count | Should -Be 1
        $failures[0].TargetObject | Should -Be 'nonsense'
    }

    It 'pipes into New-TbkPassword' {
        $password = $shared.ShareText | Resolve-TbkLink | New-TbkPassword
        $password.Password | Should -Match '^￥[A-Za-z0-9]+￥$'
    }

    It 'converts with -BizSceneId and -PromotionType' {
        $link = Find-TbkItem -Keyword 手机 -First 1 | ConvertTo-TbkLink -RelationId 2700000001 -BizSceneId 2 -PromotionType 2
        $link.LongUrl | Should -Match 'bizSceneId=2'
        $link.LongUrl | Should -Match 'promotionType=2'
    }

    It 'refuses a scene the API does not have before any call' {
        { Find-TbkItem -Keyword 手机 -First 1 | ConvertTo-TbkLink -BizSceneId 4 -ErrorAction Stop } | Should -Throw
    }
}
