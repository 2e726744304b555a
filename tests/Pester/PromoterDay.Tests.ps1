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

Describe '官方活动转链' {
    It 'turns an activity page into a channel link that pipes into New-TbkPassword' {
        $link = Get-TbkActivityLink 20150318020002597 -RelationId 2700000001
        $link.Title | Should -Be '天猫超市'
        $link.Url | Should -Match 'relationId=2700000001'
        $link.EndTime.Offset | Should -Be ([TimeSpan]::FromHours(8))
        $password = $link | New-TbkPassword
        $password.Password | Should -Match '^￥[A-Za-z0-9]+￥$'
        $password.Text | Should -Be '天猫超市'
    }

    It 'names an unknown activity and goes on' {
        $links = @('404', '20150318020004284' | Get-TbkActivityLink -ErrorVariable failures -ErrorAction SilentlyContinue)
        $links.Count | Should -Be 1
        $failures[0].TargetObject | Should -Be '404'
    }
}

Describe '淘礼金' {
    BeforeAll {
        $items = @(Find-TbkItem -Keyword 耳机 -First 2)
    }

    It 'creates one per item, money in decimal yuan, times in +08:00' {
        $gifts = @($items | New-TbkGiftMoney -Amount 5 -Count 100 -Name 耳机试用)
        $gifts.Count | Should -Be 2
        $gifts[0].Budget | Should -BeOfType [decimal]
        $gifts[0].Budget | Should -Be 500
        $gifts[1].AvailableBudget | Should -Be ($gifts[0].AvailableBudget - 500)
        $gifts[0].SendStartTime.Offset | Should -Be ([TimeSpan]::FromHours(8))
    }

    It 'pipes into the report and into stop, which leaves the unclaimed ones' {
        $gift = $items[0] | New-TbkGiftMoney -Amount 3 -Count 40
        ($gift | Get-TbkGiftMoneyReport).RightsId | Should -Be $gift.RightsId
        $stopped = $gift | Stop-TbkGiftMoney -PassThru
        $stopped.RemainingCount + $stopped.ClaimedCount | Should -Be 40
        $stopped.RemainingAmount | Should -BeOfType [decimal]
    }

    It 'creates nothing with -WhatIf' {
        $before = ($items[0] | New-TbkGiftMoney -Amount 1 -Count 1).AvailableBudget
        $items[0] | New-TbkGiftMoney -Amount 5 -Count 100 -WhatIf | Should -BeNullOrEmpty
        ($items[0] | New-TbkGiftMoney -Amount 1 -Count 1).AvailableBudget | Should -Be ($before - 1)
    }

    It 'names the item of an amount that is not money, and the item the API refuses, and goes on' {
        $gifts = @($items | ForEach-Object -Begin { $i = 0 } -Process { [pscustomobject]@{ ItemId = $_.ItemId; Amount = @(0.5, 5)[$i++] } } |
            ForEach-Object { $_ | New-TbkGiftMoney -Amount $_.Amount -Count 10 -ErrorVariable +failures -ErrorAction SilentlyContinue })
        $gifts.Count | Should -Be 1
        $failures[0].TargetObject | Should -Be $items[0].ItemId
        $refused = $items[0] | New-TbkGiftMoney -Amount 99999 -Count 1 -ErrorVariable tooMuch -ErrorAction SilentlyContinue
        $refused | Should -BeNullOrEmpty
        $tooMuch[0].TargetObject | Should -Be $items[0].ItemId
        $tooMuch[0].FullyQualifiedErrorId | Should -Match 'FAIL_CHECK'
    }

    It 'names an unknown 淘礼金 in the report' {
        'no-such-rights' | Get-TbkGiftMoneyReport -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failures[0].TargetObject | Should -Be 'no-such-rights'
    }
}

Describe '红包' {
    It 'tells per channel whether a red packet waits, piped from Get-TbkPublisher' {
        $statuses = @(Get-TbkPublisher -Kind Channel -First 3 | Get-TbkRedPacketStatus)
        $statuses.Count | Should -Be 3
        $statuses[0].HasPendingRedPacket | Should -BeOfType [bool]
        $statuses.RelationId | Should -Be @(Get-TbkPublisher -Kind Channel -First 3).RelationId
    }

    It 'asks by phone number without sending or showing it' {
        $status = Get-TbkRedPacketStatus -DeviceType Mobile -DeviceId 13800138000 -Verbose 4>&1
        ($status | Out-String) | Should -Not -Match '13800138000'
    }

    It 'names an unregistered channel' {
        Get-TbkRedPacketStatus -RelationId 9999 -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failures[0].TargetObject | Should -Be 9999
    }

    It 'counts a day per channel and per PID, and days from the pipeline' {
        $days = (Get-Date).Date.AddDays(-3), (Get-Date).Date.AddDays(-2)
        $rows = @($days | Get-TbkRedPacketReport)
        ($rows | Group-Object { $_.Date.ToString('yyyy-MM-dd') }).Count | Should -Be 2
        ($rows | Where-Object RelationId).Count | Should -BeGreaterThan 0
        ($rows | Where-Object Pid -eq 'mm_1000001_2000001_3000001' | Where-Object { -not $_.RelationId }).Count | Should -Be 2
        $rows[0].Date.Offset | Should -Be ([TimeSpan]::FromHours(8))
    }

    It 'names a day the API refuses and goes on' {
        $future = (Get-Date).Date.AddDays(3)
        $rows = @($future, (Get-Date).Date.AddDays(-2) | Get-TbkRedPacketReport -RelationId 2700000001 -ErrorVariable failures -ErrorAction SilentlyContinue)
        $rows.Count | Should -Be 1
        $failures[0].TargetObject | Should -Be $future.ToString('yyyyMMdd')
    }
}

Describe '淘口令 warnings and interceptions' {
    It 'lists the account''s PIDs on the list, warned or blocked' {
        $risks = @(Get-TbkPasswordRisk)
        $risks.Count | Should -BeGreaterThan 0
        $risks.Pid | Should -Match '^mm_\d+_\d+_\d+$'
        $risks.StatusText | ForEach-Object { $_ | Should -BeIn '预警', '拦截' }
    }

    It 'lists the blocked channels of PIDs from New-TbkAdzone''s output and from text' {
        $adzone = New-TbkAdzone -Name 风控测试
        $all = @('mm_1000001_2000001_3000001', $adzone | Get-TbkPasswordRisk)
        $blocked = @('mm_1000001_2000001_3000001', $adzone | Get-TbkPasswordRisk -BlockedOnly)
        $blocked.Status | ForEach-Object { $_ | Should -Be 'Blocked' }
        $blocked.Count | Should -BeLessThan $all.Count
        ($all | Where-Object Pid -eq 'mm_1000001_2000001_3000001').RelationId | Should -Not -BeNullOrEmpty
    }

    It 'names a PID the API refuses and goes on' {
        $risks = @('mm_1000001_2000001_9999999', 'mm_1000001_2000001_3000001' | Get-TbkPasswordRisk -ErrorVariable failures -ErrorAction SilentlyContinue)
        $risks.Count | Should -BeGreaterThan 0
        $failures[0].TargetObject | Should -Be 'mm_1000001_2000001_9999999'
    }
}

Describe 'The item of a click link' {
    It 'reads the item id from a click link and a short link, and pipes into Get-TbkItem' {
        $link = Find-TbkItem -Keyword 耳机 -First 1 | ConvertTo-TbkLink
        $maps = @($link.LongUrl, $link.ShortUrl | ConvertTo-TbkItemId)
        $maps.ItemId | Should -Be @($link.ItemId, $link.ItemId)
        $maps[0].OriginalItemId | Should -Be $link.LongUrl
        ($maps[1] | Get-TbkItem).ItemId | Should -Be $link.ItemId
    }

    It 'names a link to no item and goes on' {
        $link = Find-TbkItem -Keyword 耳机 -First 1 | ConvertTo-TbkLink
        $maps = @('https://pages.tmall.com/wow/act?pageId=20150318019', $link.ShortUrl | ConvertTo-TbkItemId -ErrorVariable failures -ErrorAction SilentlyContinue)
        $maps.Count | Should -Be 1
        $failures[0].TargetObject | Should -Be 'https://pages.tmall.com/wow/act?pageId=20150318019'
    }
}

Describe 'Every refund of the account' {
    BeforeAll {
        $from = (Get-Date).Date.AddDays(-3)
        $all = @(Get-TbkRefundOrder -All -Start $from)
        $privateDomain = @(Get-TbkRefundOrder -Start $from)
    }

    It 'returns refunds of every order, not only channel and member orders, each once' {
        $all.Count | Should -BeGreaterThan $privateDomain.Count
        ($all | Where-Object { -not $_.RelationId -and -not $_.SpecialId }).Count | Should -BeGreaterThan 0
        ($all.TradeId | Sort-Object -Unique).Count | Should -Be $all.Count
    }

    It 'includes every channel and member refund of the same days' {
        $privateDomain.TradeId | Where-Object { $_ -notin $all.TradeId } | Should -BeNullOrEmpty
    }

    It 'types money as decimal and times in +08:00, in the range' {
        $all[0].RefundAmount | Should -BeOfType [decimal]
        $all[0].RefundTime.Offset | Should -Be ([TimeSpan]::FromHours(8))
        $all | Where-Object { $_.RefundTime -lt [DateTimeOffset]$from } | Should -BeNullOrEmpty
    }

    It 'stops with the gateway''s reason for a range it refuses' {
        { Get-TbkRefundOrder -All -Start (Get-Date).AddDays(-120) -ErrorAction Stop } | Should -Throw -ErrorId 'TopApiError*2004*'
    }
}

Describe 'New-user orders' {
    It 'lists the new users of an activity with what their status means, every page' {
        $users = @(Get-TbkNewUserOrder 119013_2)
        $users.Count | Should -BeGreaterThan 100
        $users.StatusText | ForEach-Object { $_ | Should -BeIn '新注册', '激活', '首购', '确认收货' }
        $users.Mobile | ForEach-Object { $_ | Should -Match '^\d{3}\*{4}\d{4}$' }
        $users | Where-Object { $_.BuyTime -gt [DateTimeOffset]::Now } | Should -BeNullOrEmpty
    }

    It 'keeps to -Start and -AdzoneId, for activities from the pipeline' {
        $since = (Get-Date).AddDays(-3)
        $users = @('119013_2', '1306' | Get-TbkNewUserOrder -Start $since -AdzoneId 3000001)
        $users.Count | Should -BeGreaterThan 0
        $users.AdzoneId | Sort-Object -Unique | Should -Be 3000001
        $users | Where-Object { $_.BindTime -lt [DateTimeOffset]$since } | Should -BeNullOrEmpty
        ($users.ActivityId | Sort-Object -Unique) | Should -Be @('119013_2', '1306' | Sort-Object)
    }

    It 'names an unknown activity and goes on' {
        $users = @('no-such', '1306' | Get-TbkNewUserOrder -Start (Get-Date).AddDays(-1) -ErrorVariable failures -ErrorAction SilentlyContinue)
        $users.Count | Should -BeGreaterThan 0
        $failures[0].TargetObject | Should -Be 'no-such'
    }
}

Describe 'A 拉新 activity day by day' {
    It 'counts the users Get-TbkNewUserOrder lists, per day and status' {
        $days = @(Get-TbkNewUserSummary 119013_2)
        $users = @(Get-TbkNewUserOrder 119013_2)
        ($days | Measure-Object RegisteredCount -Sum).Sum | Should -Be $users.Count
        ($days | Measure-Object FirstPurchaseCount -Sum).Sum | Should -Be ($users | Where-Object Status -ge 3).Count
        $yesterday = (Get-Date).Date.AddDays(-1).ToString('yyyy-MM-dd')
        ($days | Where-Object { $_.Date.ToString('yyyy-MM-dd') -eq $yesterday }).RegisteredCount |
            Should -Be ($users | Where-Object { $_.Date.ToString('yyyy-MM-dd') -eq $yesterday }).Count
        $days[0].Reward | Should -BeOfType [decimal]
    }

    It 'names an unknown activity and goes on' {
        $days = @('no-such', '1306' | Get-TbkNewUserSummary -ErrorVariable failures -ErrorAction SilentlyContinue)
        $days.Count | Should -BeGreaterThan 0
        $failures[0].TargetObject | Should -Be 'no-such'
    }
}

Describe '淘口令 reach' {
    It 'reports opens of the 淘口令 piped from New-TbkPassword, a share text reduced to its code' {
        $passwords = @(Find-TbkItem -Keyword 手机 -First 2 | ConvertTo-TbkLink | New-TbkPassword)
        $reports = @($passwords | Get-TbkPasswordReport)
        $reports.Password | Should -Be ($passwords.Password | ForEach-Object { $_.Trim('￥') })
        $reports | ForEach-Object { $_.Pv | Should -BeGreaterThan 0; $_.Uv | Should -BeLessOrEqual $_.Pv }
        ($passwords[0].ShareText | Get-TbkPasswordReport).Pv | Should -Be $reports[0].Pv
    }

    It 'names an unknown 淘口令 and text without one, and goes on' {
        $good = Find-TbkItem -Keyword 手机 -First 1 | ConvertTo-TbkLink | New-TbkPassword
        $reports = @('￥AAAAAAAAAAA￥', '没有口令', $good | Get-TbkPasswordReport -ErrorVariable failures -ErrorAction SilentlyContinue)
        $reports.Count | Should -Be 1
        $failures.TargetObject | Should -Be @('￥AAAAAAAAAAA￥', '没有口令')
    }
}
